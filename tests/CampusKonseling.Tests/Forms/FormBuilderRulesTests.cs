using CampusKonseling.Forms.Builder;
using CampusKonseling.Forms.Definitions;
using Microsoft.Extensions.Localization;

namespace CampusKonseling.Tests.Forms;

/// <summary>The builder's operations and field checks on their own, without a campus.</summary>
public sealed class FormBuilderRulesTests
{
    private static readonly IStringLocalizer T = new Indonesian();

    private static readonly FormDefinition Form = IntakeTests.Permohonan;

    private static (Isian? Field, Dictionary<string, string> Errors) Edit(string id, Action<FieldInput> change)
    {
        var input = FieldInput.From(Form.Find(id)!);
        change(input);
        return FieldRules.Build(input, Form, id, T);
    }

    [Fact]
    public void A_field_saved_unchanged_is_the_same_field()
    {
        foreach (var field in Form.Isian)
        {
            var (saved, errors) = Edit(field.Id, _ => { });
            Assert.Empty(errors);
            Assert.Equal(FormJson.Serialize(Form with { Isian = [field] }), FormJson.Serialize(Form with { Isian = [saved!] }));
        }
    }

    [Fact]
    public void A_new_id_is_carried_into_the_show_if_rules_that_named_the_old_one()
    {
        var (field, errors) = Edit("saluran", i => i.Id = "bentuk");
        Assert.Empty(errors);
        var form = FormEdits.Replace(Form, "saluran", field!);
        Assert.Equal(new TampilJika("bentuk", "Online"), form.Find("uraian")!.TampilJika);
        Assert.Empty(FormValidator.Validate(form));
    }

    [Fact]
    public void A_choice_a_show_if_depends_on_cannot_be_removed_nor_the_type_changed()
    {
        Assert.Contains("dipakai tampil-jika isian 'Ceritakan singkat'", Edit("saluran", i => i.Pilihan = "Daring\nTatap muka").Errors["Pilihan"]);
        Assert.Contains("harus tetap pilihan tunggal", Edit("saluran", i => i.Jenis = JenisIsian.PilihanGanda).Errors["Jenis"]);
    }

    [Fact]
    public void Only_one_consent_and_each_case_target_once()
    {
        Assert.Equal("Formulir hanya boleh memiliki satu persetujuan.", Edit("uraian", i => i.Jenis = JenisIsian.Persetujuan).Errors["Jenis"]);
        Assert.Equal("'E-mail pemohon' sudah dipetakan oleh isian 'E-mail'.", Edit("nim", i => i.Petakan = Petakan.Email).Errors["Petakan"]);
    }

    [Fact]
    public void Numbers_and_files_are_checked_as_typed()
    {
        Assert.Equal("Tulis angka, misalnya 10.", Edit("nama", i => i.Maks = "seratus").Errors["Maks"]);
        Assert.Equal("Panjang harus bilangan bulat 0 atau lebih.", Edit("nama", i => i.Min = "2,5").Errors["Min"]);
        var (file, _) = Edit("nim", i => { i.Jenis = JenisIsian.Berkas; i.FillDefaults(); });
        Assert.Equal(["pdf"], file!.Tipe);
        Assert.Equal(2048, file.MaksKb);
        Assert.Null(file.Pola);
        Assert.Equal("Ukuran maksimum harus 1–10240 KB.", Edit("nim", i => { i.Jenis = JenisIsian.Berkas; i.Tipe = ["pdf"]; i.MaksKb = "20000"; }).Errors["MaksKb"]);
    }

    [Fact]
    public void Moving_keeps_a_show_if_below_its_source_and_adding_picks_a_free_id()
    {
        var (_, refused) = FormEdits.Move(Form, "uraian", up: true, T);
        Assert.Contains("harus tetap di bawahnya", refused);
        var (moved, ok) = FormEdits.Move(Form, "setuju", up: true, T);
        Assert.Null(ok);
        Assert.Equal(["setuju", "uraian"], moved.Isian.Skip(5).Select(f => f.Id));
        var (added, id) = FormEdits.Add(FormEdits.Add(Form, JenisIsian.Email).Form, JenisIsian.Email);
        Assert.Equal("email-3", id);
        Assert.Equal(["email", "email-2", "email-3"], added.Isian.Select(f => f.Id).Where(i => i.StartsWith("email")));
    }
}

/// <summary>The keys are the Indonesian text, so the builder's messages read as written.</summary>
internal sealed class Indonesian : IStringLocalizer
{
    public LocalizedString this[string name] => new(name, name);
    public LocalizedString this[string name, params object[] arguments] => new(name, string.Format(name, arguments));
    public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => [];
}
