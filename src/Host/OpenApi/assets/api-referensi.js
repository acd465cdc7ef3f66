// Starts Swagger UI on the campus's reference page (Pages/ApiReference.cshtml). The platform's CSP runs only scripts
// with the response's nonce, so this file holds the configuration an inline block would. The document's address comes
// from the page (data-dokumen), never from the URL (queryConfigEnabled stays off), so a link cannot point the reference
// at another campus's document or another site. Requests tried from the reference carry the API key the visitor typed
// and no cookie: they show what the key may do, and a signed-in visitor's session cannot be used from here.
(function () {
  var root = document.getElementById('swagger-ui');
  if (!root || typeof window.SwaggerUIBundle !== 'function') return;
  window.ui = window.SwaggerUIBundle({
    url: root.getAttribute('data-dokumen'),
    domNode: root,
    presets: [window.SwaggerUIBundle.presets.apis],
    layout: 'BaseLayout',
    queryConfigEnabled: false,
    validatorUrl: null,
    persistAuthorization: false,
    deepLinking: true,
    displayRequestDuration: true,
    docExpansion: 'list',
    defaultModelsExpandDepth: 0,
    requestInterceptor: function (request) {
      // The document itself keeps the cookies: the language the visitor chose on the campus site is one of them.
      if (!request.loadSpec) request.credentials = 'omit';
      return request;
    }
  });
})();
