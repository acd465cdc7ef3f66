using Microsoft.Extensions.Localization;

namespace CampusKonseling.Notifications.Channels;

/// <summary>What an administrator reads when a test e-mail fails: what went wrong and what to check, never a stack trace.</summary>
public static class SmtpProblemText
{
    public static string Describe(IStringLocalizer T, SmtpProblem problem, string server, string recipient) => problem switch
    {
        SmtpProblem.Authentication => T["server SMTP menolak login: nama pengguna, kata sandi atau token OAuth2 salah, atau akun ini tidak boleh mengirim lewat SMTP."],
        SmtpProblem.AuthenticationRequired => T["server SMTP meminta login sebelum menerima e-mail. Isi nama pengguna dan kata sandi atau token OAuth2."],
        SmtpProblem.AuthenticationNotOffered => T["server SMTP {0} tidak menawarkan login pada sambungan ini. Banyak server baru menawarkannya setelah enkripsi: pilih STARTTLS atau TLS langsung.", server],
        SmtpProblem.UntrustedCertificate => T["sertifikat server SMTP {0} tidak dipercaya atau bukan untuk nama server itu. Tulis nama server persis seperti di sertifikatnya; sertifikat dari CA internal kampus dapat dipercayakan oleh pengelola platform.", server],
        SmtpProblem.TlsHandshake => T["jabat tangan TLS dengan {0} gagal. Periksa pasangan port dan keamanan: port 465 memakai TLS langsung, port 587 dan 25 memakai STARTTLS.", server],
        SmtpProblem.StartTlsNotOffered => T["server SMTP {0} tidak menawarkan STARTTLS. Pilih TLS langsung bila port ini memakainya, atau tanyakan pengelola server.", server],
        SmtpProblem.HostNotFound => T["nama server SMTP {0} tidak ditemukan. Periksa ejaan nama server.", server],
        SmtpProblem.ConnectionRefused => T["{0} menolak sambungan: tidak ada server SMTP di port itu. Periksa nama server dan port.", server],
        SmtpProblem.Unreachable => T["server SMTP {0} tidak dapat dihubungi. Periksa nama server, port dan firewall.", server],
        SmtpProblem.Timeout => T["server SMTP {0} tidak menjawab tepat waktu. Periksa port dan firewall; port TLS langsung (465) diam saja bila dipilih STARTTLS atau tanpa enkripsi.", server],
        SmtpProblem.SenderRefused => T["server SMTP menolak alamat pengirim. Pakai alamat pengirim yang boleh dipakai akun ini."],
        SmtpProblem.RecipientRefused => T["server SMTP menolak alamat tujuan {0}.", recipient],
        SmtpProblem.MessageRefused => T["server SMTP menolak pesan ini."],
        _ => T["server SMTP {0} menjawab di luar protokol SMTP. Periksa port dan pilihan keamanan.", server],
    };
}
