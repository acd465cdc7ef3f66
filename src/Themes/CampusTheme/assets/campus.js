// The theme's small behaviours, declared in markup so pages need no inline handlers (the CSP allows none):
// form[data-confirm] asks before it is sent; [data-cetak] prints the page; .menu-toggle opens and closes the menu on small screens
// (CSS hides the menu there; without this script the menu simply stays open).
(function () {
  document.addEventListener('submit', function (e) {
    var form = e.target;
    if (form instanceof HTMLFormElement && form.hasAttribute('data-confirm') && !window.confirm(form.getAttribute('data-confirm'))) e.preventDefault();
  });
  document.addEventListener('click', function (e) {
    if (e.target instanceof Element && e.target.closest('[data-cetak]')) window.print();
  });
  var toggle = document.querySelector('.menu-toggle');
  if (!toggle) return;
  function setOpen(open) {
    document.body.classList.toggle('menu-open', open);
    toggle.setAttribute('aria-expanded', open ? 'true' : 'false');
  }
  toggle.addEventListener('click', function () { setOpen(toggle.getAttribute('aria-expanded') !== 'true'); });
  document.addEventListener('keydown', function (e) {
    if (e.key === 'Escape' && toggle.getAttribute('aria-expanded') === 'true') {
      setOpen(false);
      toggle.focus();
    }
  });
})();
