// Show a field only for the answer it depends on (the server checks the same rule).
// A preview form never sends: its button is disabled, and Enter in a field must not send it either.
(function () {
  document.querySelectorAll('form.intake').forEach(function (form) {
    function sync() {
      form.querySelectorAll('[data-tampil-jika]').forEach(function (field) {
        var source = field.getAttribute('data-tampil-jika');
        if (!source) return;
        var chosen = form.querySelector('[name="f_' + source + '"]:checked') || form.querySelector('select[name="f_' + source + '"]');
        field.hidden = !(chosen && chosen.value === field.getAttribute('data-nilai'));
      });
    }
    form.addEventListener('change', sync);
    sync();
    if (form.classList.contains('preview')) form.addEventListener('submit', function (e) { e.preventDefault(); });
  });
})();
