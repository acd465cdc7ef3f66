using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace CampusKonseling.Identity.Security;

/// <summary>Identity's messages in the user's language (Bahasa Indonesia by default).</summary>
public sealed class IndonesianIdentityErrors(IStringLocalizer<S> T) : IdentityErrorDescriber
{
    private IdentityError E(string code, LocalizedString text) => new() { Code = code, Description = text };

    public override IdentityError DefaultError() => E(nameof(DefaultError), T["Terjadi kesalahan yang tidak diketahui."]);
    public override IdentityError DuplicateEmail(string email) => E(nameof(DuplicateEmail), T["E-mail '{0}' sudah dipakai.", email]);
    public override IdentityError DuplicateUserName(string userName) => E(nameof(DuplicateUserName), T["Nama pengguna '{0}' sudah dipakai.", userName]);
    public override IdentityError InvalidEmail(string? email) => E(nameof(InvalidEmail), T["E-mail '{0}' tidak valid.", email ?? ""]);
    public override IdentityError InvalidUserName(string? userName) => E(nameof(InvalidUserName), T["Nama pengguna '{0}' tidak valid.", userName ?? ""]);
    public override IdentityError InvalidToken() => E(nameof(InvalidToken), T["Tautan sudah tidak berlaku. Minta tautan baru."]);
    public override IdentityError PasswordMismatch() => E(nameof(PasswordMismatch), T["Kata sandi salah."]);
    public override IdentityError PasswordTooShort(int length) => E(nameof(PasswordTooShort), T["Kata sandi minimal {0} karakter.", length]);
    public override IdentityError PasswordRequiresDigit() => E(nameof(PasswordRequiresDigit), T["Kata sandi harus memuat setidaknya satu angka."]);
    public override IdentityError PasswordRequiresLower() => E(nameof(PasswordRequiresLower), T["Kata sandi harus memuat setidaknya satu huruf kecil."]);
    public override IdentityError PasswordRequiresUpper() => E(nameof(PasswordRequiresUpper), T["Kata sandi harus memuat setidaknya satu huruf besar."]);
    public override IdentityError PasswordRequiresNonAlphanumeric() => E(nameof(PasswordRequiresNonAlphanumeric), T["Kata sandi harus memuat setidaknya satu simbol."]);
    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) => E(nameof(PasswordRequiresUniqueChars), T["Kata sandi harus memuat setidaknya {0} karakter berbeda.", uniqueChars]);
    public override IdentityError DuplicateRoleName(string role) => E(nameof(DuplicateRoleName), T["Peran '{0}' sudah ada.", role]);
    public override IdentityError InvalidRoleName(string? role) => E(nameof(InvalidRoleName), T["Nama peran '{0}' tidak valid.", role ?? ""]);
    public override IdentityError UserAlreadyInRole(string role) => E(nameof(UserAlreadyInRole), T["Pengguna sudah memiliki peran '{0}'.", role]);
    public override IdentityError UserNotInRole(string role) => E(nameof(UserNotInRole), T["Pengguna tidak memiliki peran '{0}'.", role]);
    public override IdentityError UserLockoutNotEnabled() => E(nameof(UserLockoutNotEnabled), T["Penguncian akun tidak aktif untuk pengguna ini."]);
    public override IdentityError ConcurrencyFailure() => E(nameof(ConcurrencyFailure), T["Data telah diubah orang lain. Muat ulang halaman lalu coba lagi."]);
}
