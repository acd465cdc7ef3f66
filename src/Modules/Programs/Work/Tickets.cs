using CampusKonseling.Programs.Data;
using Microsoft.EntityFrameworkCore;
using QRCoder;

namespace CampusKonseling.Programs.Work;

/// <summary>The participant's ticket: their token, drawn as a QR code for the door.</summary>
public static class Tickets
{
    public static async Task<ParticipantRow?> FindAsync(ProgramsDb db, string? token, CancellationToken ct) =>
        string.IsNullOrWhiteSpace(token) || token.Length > 64 ? null : await db.Participants.AsNoTracking().FirstOrDefaultAsync(p => p.Token == token, ct);

    /// <summary>The QR code holds only the token: no name or NIM is readable from it.</summary>
    public static byte[] Png(string token)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(token, QRCodeGenerator.ECCLevel.M);
        return new PngByteQRCode(data).GetGraphic(8);
    }
}
