using CampusKonseling.Notifications;

namespace CampusKonseling.Forms.Intake;

/// <summary>The messages a requester receives; a campus rewrites them under Templat pesan.</summary>
public sealed class FormsTemplates : IMessageTemplateProvider
{
    public const string Diterima = "permohonan-diterima", DiterimaTeks = "permohonan-diterima-teks", KodeSekali = "kode-sekali-pakai", AkunDibuat = "akun-dibuat";

    public IEnumerable<MessageTemplate> GetTemplates() =>
    [
        new(Diterima, new("Tanda terima permohonan (e-mail)", "Request acknowledgment (e-mail)"),
            ["nama", "formulir", "waktu", "kode", "langkah", "tautanStatus"],
            new("Permohonan diterima — kode {kode}", "Request received — code {kode}"),
            new("Yth. {nama},\n\n{unit} telah menerima \"{formulir}\" Anda pada {waktu}.\nKode pelacakan: {kode}\n{langkah}\n\nSimpan kode ini untuk menanyakan status permohonan: {tautanStatus}\n\n{kampus}",
                "Dear {nama},\n\n{unit} has received your \"{formulir}\" on {waktu}.\nTracking code: {kode}\n{langkah}\n\nKeep this code to check the status of your request: {tautanStatus}\n\n{kampus}")),
        new(DiterimaTeks, new("Tanda terima permohonan (SMS/WhatsApp)", "Request acknowledgment (SMS/WhatsApp)"),
            ["nama", "formulir", "kode"],
            new("Tanda terima permohonan", "Request acknowledgment"),
            new("{unit}: permohonan \"{formulir}\" Anda diterima. Kode pelacakan {kode}. Rincian dikirim ke e-mail Anda.",
                "{unit}: your \"{formulir}\" was received. Tracking code {kode}. Details were sent to your e-mail.")),
        new(KodeSekali, new("Kode sekali pakai untuk melihat status", "One-time code to see a request's status"),
            ["nama", "kode", "kodeSekali"],
            new("Kode sekali pakai untuk permohonan {kode}", "One-time code for request {kode}"),
            new("Yth. {nama},\n\nKode sekali pakai Anda: {kodeSekali}\nBerlaku 10 menit. Jangan berikan kode ini kepada siapa pun.\n\nJika Anda tidak meminta kode ini, abaikan e-mail ini.\n\n{unit}",
                "Dear {nama},\n\nYour one-time code: {kodeSekali}\nIt is valid for 10 minutes. Do not give this code to anyone.\n\nIf you did not ask for it, ignore this e-mail.\n\n{unit}")),
        new(AkunDibuat, new("Akun dibuat saat mendaftar (tautan atur kata sandi)", "Account created on registration (set-password link)"),
            ["nama", "email", "tautan", "kode"],
            new("Akun {kampus} Anda — atur kata sandi", "Your {kampus} account — set your password"),
            new("Yth. {nama},\n\nPendaftaran Anda (kode {kode}) membuat akun untuk {email} di {unit}.\nAtur kata sandi Anda melalui tautan berikut (berlaku 1 hari):\n{tautan}\n\nSetelah itu Anda dapat masuk dan melihat \"Permohonan saya\".\n\n{kampus}",
                "Dear {nama},\n\nYour registration (code {kode}) created an account for {email} at {unit}.\nSet your password with this link (valid for 1 day):\n{tautan}\n\nThen you can sign in and see \"My requests\".\n\n{kampus}")),
    ];
}
