using CampusKonseling.Forms.Definitions;
using CampusKonseling.Forms.Intake;

namespace CampusKonseling.Forms.Pages.Forms.Public;

/// <summary>What the shared field partial renders: a form, the answers of the last try, and files already attached.</summary>
public sealed record FormFieldsView(FormDefinition Form, Answers Answers, IReadOnlyDictionary<string, PendingFile> Files);
