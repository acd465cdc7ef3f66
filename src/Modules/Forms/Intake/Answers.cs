using System.Globalization;
using System.Net.Mail;
using System.Text.RegularExpressions;
using CampusKonseling.Forms.Definitions;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Primitives;

namespace CampusKonseling.Forms.Intake;

/// <summary>A form's answers as posted, checked against its fields' rules; every value is kept for showing the form again.</summary>
public sealed partial class Answers
{
    public const string FieldPrefix = "f_";

    private readonly Dictionary<string, StringValues> _values = [];
    public Dictionary<string, string> Errors { get; } = [];
    /// <summary>Each error's stable code (wajib, format, pilihan, rentang, panjang, persetujuan, berkas) for API clients.</summary>
    public Dictionary<string, string> Codes { get; } = [];

    public StringValues this[string id] => _values.GetValueOrDefault(id);
    public string Text(string id) => _values.GetValueOrDefault(id).ToString();
    public bool IsValid => Errors.Count == 0;

    [GeneratedRegex(@"^(\+62|62|0)8[1-9][0-9]{6,11}$")]
    private static partial Regex IndonesianMobile();

    [GeneratedRegex(@"[\s\-().]")]
    private static partial Regex PhoneNoise();

    /// <summary>A refusal found outside the answers themselves (an upload's size or type).</summary>
    public void Refuse(string fieldId, string reason) => Fail(fieldId, "berkas", reason);

    private void Fail(string fieldId, string code, string message)
    {
        Errors[fieldId] = message;
        Codes[fieldId] = code;
    }

    /// <summary>Whether a field is shown given the answers (fields with an unmet show-if are neither checked nor stored).</summary>
    public bool IsShown(FormDefinition form, Isian field) =>
        field.TampilJika is not { } when || Text(when.Isian) == when.Nilai && (form.Find(when.Isian) is not { } source || IsShown(form, source));

    /// <param name="files">Attached files by field (their original names), kept from an earlier post or just accepted.</param>
    public static Answers Read(FormDefinition form, Func<string, StringValues> posted, IStringLocalizer T, IReadOnlyDictionary<string, string>? files = null)
    {
        var answers = new Answers();
        foreach (var field in form.Isian.Where(f => JenisIsian.TakesAnswer(f.Jenis)))
            answers._values[field.Id] = field.Jenis == JenisIsian.Berkas
                ? (files?.TryGetValue(field.Id, out var name) == true ? new StringValues(name) : StringValues.Empty)
                : new StringValues(posted(FieldPrefix + field.Id).Select(v => v?.Trim() ?? "").Where(v => v.Length > 0).ToArray());
        foreach (var field in form.Isian.Where(f => JenisIsian.TakesAnswer(f.Jenis) && answers.IsShown(form, f)))
            answers.Check(field, T);
        return answers;
    }

    /// <summary>The answers to store: shown fields only, phone numbers in one form.</summary>
    public Dictionary<string, object> ToStore(FormDefinition form) =>
        form.Isian.Where(f => JenisIsian.TakesAnswer(f.Jenis) && IsShown(form, f) && _values.GetValueOrDefault(f.Id).Count > 0)
            .ToDictionary(f => f.Id, f => f.Jenis == JenisIsian.PilihanGanda ? (object)_values[f.Id].ToArray() : Normalize(f, Text(f.Id)));

    public static string Normalize(Isian field, string value) => field.Jenis == JenisIsian.Telepon ? PhoneNoise().Replace(value, "") : value;

    private void Check(Isian f, IStringLocalizer T)
    {
        var values = _values[f.Id];
        var text = values.ToString();
        if (values.Count == 0)
        {
            if (f.Wajib || f.Jenis == JenisIsian.Persetujuan)
                Fail(f.Id, f.Jenis == JenisIsian.Persetujuan ? "persetujuan" : "wajib", f.Jenis switch
                {
                    JenisIsian.Persetujuan => T["Permohonan hanya dapat dikirim dengan persetujuan Anda."],
                    JenisIsian.Berkas => T["{0} wajib dilampirkan.", f.Label],
                    _ => T["{0} wajib diisi.", f.Label],
                });
            return;
        }
        switch (f.Jenis)
        {
            case JenisIsian.Email when !IsEmail(text):
                Fail(f.Id, "format", T["Alamat e-mail tidak valid, contoh: nama@kampus.ac.id."]);
                return;
            case JenisIsian.Telepon when !IndonesianMobile().IsMatch(PhoneNoise().Replace(text, "")):
                Fail(f.Id, "format", T["Nomor HP tidak valid, contoh: 0812 3456 7890 atau +62 812 3456 7890."]);
                return;
            case JenisIsian.Angka:
                if (!decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var number))
                    Fail(f.Id, "format", T["{0} harus berupa angka.", f.Label]);
                else if (number < f.Min || number > f.Maks)
                    Fail(f.Id, "rentang", T["{0} harus antara {1} dan {2}.", f.Label, f.Min ?? number, f.Maks ?? number]);
                return;
            case JenisIsian.Tanggal when !DateOnly.TryParseExact(text, "yyyy-MM-dd", out _):
                Fail(f.Id, "format", T["{0} harus berupa tanggal.", f.Label]);
                return;
            case JenisIsian.Pilihan when values.Count != 1 || !f.Pilihan.Contains(text):
            case JenisIsian.PilihanGanda when values.Any(v => !f.Pilihan.Contains(v)):
                Fail(f.Id, "pilihan", T["Pilih dari pilihan yang tersedia."]);
                return;
            case JenisIsian.Nim when !Regex.IsMatch(text, f.Pola ?? "^[0-9A-Za-z.]{5,20}$", RegexOptions.None, TimeSpan.FromMilliseconds(100)):
                Fail(f.Id, "format", T["{0} tidak sesuai format kampus.", f.Label]);
                return;
        }
        if (f.Jenis is JenisIsian.Teks or JenisIsian.TeksPanjang)
        {
            if (text.Length < f.Min) Fail(f.Id, "panjang", T["{0} minimal {1} karakter.", f.Label, f.Min]);
            else if (text.Length > f.Maks) Fail(f.Id, "panjang", T["{0} paling panjang {1} karakter.", f.Label, f.Maks]);
            else if (f.Pola is not null && !Regex.IsMatch(text, f.Pola, RegexOptions.None, TimeSpan.FromMilliseconds(100))) Fail(f.Id, "format", T["{0} tidak sesuai format.", f.Label]);
        }
    }

    private static bool IsEmail(string text) =>
        text.Length <= 256 && MailAddress.TryCreate(text, out var address) && address.Address == text && text.Contains('.', StringComparison.Ordinal);
}
