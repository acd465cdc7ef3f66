namespace CampusKonseling.Sop.Definitions;

/// <summary>
/// An actor column of the SOP. A lane is bound to exactly one kind of performer:
/// a role of the campus (<see cref="Peran"/>: any holder of it acts), the client of the instance
/// (<see cref="Klien"/>: the student, praja or alumnus whose request it is, acting on their own page), or a person
/// named on the instance (<see cref="Penugasan"/>: "konselor" is the case's assigned counselor; other names are chosen
/// by an earlier step's <c>tunjuk</c> action). A penugasan lane keeps its <see cref="Peran"/> as the pool the person is
/// chosen from; until someone is named, holders of that role act.
/// </summary>
public sealed record Pelaksana(string Id, string Nama, string? Peran = null, string? Atasan = null)
{
    public bool Klien { get; init; }
    public string? Penugasan { get; init; }
}
