// The theme's small behaviours, declared in markup so pages need no inline handlers (the CSP allows none):
// form[data-confirm] asks before it is sent; [data-cetak] prints the page.
(function () {
  document.addEventListener('submit', function (e) {
    var form = e.target;
    if (form instanceof HTMLFormElement && form.hasAttribute('data-confirm') && !window.confirm(form.getAttribute('data-confirm'))) e.preventDefault();
  });
  document.addEventListener('click', function (e) {
    if (e.target instanceof Element && e.target.closest('[data-cetak]')) window.print();
  });
})();
