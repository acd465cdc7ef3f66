// "Tambah sesi" shows the next hidden session row; it hides itself when all rows are shown.
(function () {
  var add = document.getElementById('tambah-sesi');
  if (!add) return;
  add.addEventListener('click', function () {
    var next = document.querySelector('.session[hidden]');
    if (next) { next.hidden = false; next.querySelector('input').focus(); }
    if (!document.querySelector('.session[hidden]')) add.hidden = true;
  });
})();
