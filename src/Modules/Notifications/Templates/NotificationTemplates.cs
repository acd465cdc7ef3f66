namespace CampusKonseling.Notifications.Templates;

/// <summary>The messages this module sends itself: staff notices that also go out by e-mail (SOP reminders and escalations).</summary>
public sealed class NotificationTemplates : IMessageTemplateProvider
{
    public const string PemberitahuanStaf = "pemberitahuan-staf";

    public IEnumerable<MessageTemplate> GetTemplates() =>
    [
        new(PemberitahuanStaf, new("Pemberitahuan untuk staf (pengingat dan eskalasi SOP)", "Staff notice (SOP reminders and escalations)"),
            ["nama", "judul", "isi", "tautan"],
            new("[{kampus}] {judul}", "[{kampus}] {judul}"),
            new("Yth. {nama},\n\n{judul}\n{isi}\n\nBuka: {tautan}\n\n{unit}", "Dear {nama},\n\n{judul}\n{isi}\n\nOpen: {tautan}\n\n{unit}")),
    ];
}
