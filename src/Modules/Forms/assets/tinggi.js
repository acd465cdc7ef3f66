// Tells the host page how tall this page is, so the iframe grows with it (the embed snippet listens).
(function () {
  var me = document.currentScript;
  var kode = me.getAttribute('data-formulir') || '', gulir = me.getAttribute('data-gulir') === 'true';
  function height() {
    // The content's own height, not the viewport's: the iframe must be able to shrink too (after sending).
    var style = getComputedStyle(document.body);
    return Math.ceil(document.body.getBoundingClientRect().height + parseFloat(style.marginTop) + parseFloat(style.marginBottom));
  }
  function send() {
    if (window.parent === window) return;
    window.parent.postMessage({ type: 'campuskonseling:tinggi', formulir: kode, tinggi: height(), gulir: gulir }, '*');
    gulir = false;
  }
  if (window.ResizeObserver) new ResizeObserver(send).observe(document.body);
  window.addEventListener('load', send);
  send();
})();
