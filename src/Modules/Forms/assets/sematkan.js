// Copies an embed snippet; the button then says so in the page's language (its data-tersalin).
(function () {
  document.querySelectorAll('button.copy').forEach(function (b) {
    b.addEventListener('click', function () {
      var t = document.getElementById(b.getAttribute('data-target'));
      t.select();
      (navigator.clipboard ? navigator.clipboard.writeText(t.value) : Promise.resolve(document.execCommand('copy'))).then(function () { b.textContent = b.getAttribute('data-tersalin'); });
    });
  });
})();
