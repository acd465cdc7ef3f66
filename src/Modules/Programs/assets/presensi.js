// Attendance scanner: the phone's camera through getUserMedia; the BarcodeDetector API where the browser has it,
// else jsQR (served beside this file). Each code read is posted once; the answer is shown and the count updated.
(function () {
  var script = document.currentScript;
  var msg = function (k) { return script.getAttribute('data-' + k); };
  var start = document.getElementById('mulai-kamera');
  var video = document.getElementById('kamera');
  var canvas = document.getElementById('bingkai');
  var info = document.getElementById('info-kamera');
  var result = document.getElementById('hasil-pindai');
  var form = document.getElementById('form-pindai');
  var last = '', lastAt = 0, busy = false, detector = null;

  function show(text, ok) {
    result.hidden = false;
    result.textContent = text;
    result.className = 'alert ' + (ok ? 'success' : 'error');
    if (navigator.vibrate) navigator.vibrate(ok ? 80 : [60, 60, 60]);
  }

  function send(token) {
    var now = Date.now();
    if (busy || (token === last && now - lastAt < 4000)) return;
    busy = true; last = token; lastAt = now;
    var data = new FormData(form);
    data.set('token', token);
    fetch(form.action, { method: 'POST', body: data, credentials: 'same-origin' })
      .then(function (r) { if (!r.ok) throw new Error(r.status); return r.json(); })
      .then(function (j) {
        show(j.pesan, j.ok);
        document.getElementById('jumlah-hadir').textContent = j.hadir;
        if (j.ok && !j.sudah) {
          var li = document.createElement('li');
          li.textContent = new Date().toTimeString().slice(0, 5) + ' — ' + j.nama + (j.nim ? ' · ' + j.nim : '');
          document.getElementById('baru-hadir').prepend(li);
        }
      })
      .catch(function () { show(msg('failed'), false); })
      .finally(function () { busy = false; });
  }

  function scan() {
    if (video.readyState >= 2) {
      if (detector) {
        detector.detect(video).then(function (codes) { if (codes.length) send(codes[0].rawValue); }).catch(function () {});
      } else if (window.jsQR) {
        canvas.width = video.videoWidth; canvas.height = video.videoHeight;
        var ctx = canvas.getContext('2d', { willReadFrequently: true });
        ctx.drawImage(video, 0, 0, canvas.width, canvas.height);
        var image = ctx.getImageData(0, 0, canvas.width, canvas.height);
        var code = window.jsQR(image.data, image.width, image.height, { inversionAttempts: 'dontInvert' });
        if (code && code.data) send(code.data);
      }
    }
    setTimeout(scan, 250);
  }

  start.addEventListener('click', function () {
    if (!navigator.mediaDevices || !navigator.mediaDevices.getUserMedia) { info.textContent = msg('no-camera'); return; }
    navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' }, audio: false }).then(function (stream) {
      video.srcObject = stream; video.hidden = false; start.hidden = true;
      video.play();
      info.textContent = msg('aim');
      var ready = ('BarcodeDetector' in window)
        ? window.BarcodeDetector.getSupportedFormats().then(function (f) { if (f.indexOf('qr_code') >= 0) detector = new window.BarcodeDetector({ formats: ['qr_code'] }); })
        : Promise.resolve();
      ready.catch(function () {}).then(scan);
    }).catch(function () { info.textContent = msg('denied'); });
  });
})();
