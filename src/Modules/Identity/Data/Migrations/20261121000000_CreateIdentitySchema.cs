using CampusKonseling.Identity.Data;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CampusKonseling.Identity.Data.Migrations;

[DbContext(typeof(IdentityDb))]
[Migration("20261121000000_CreateIdentitySchema")]
public sealed class CreateIdentitySchema : Migration
{
    private const string S = IdentityDb.Schema;

    protected override void Up(MigrationBuilder m)
    {
        m.EnsureSchema(S);
        m.CreateTable("AspNetRoles", schema: S, columns: t => new
        {
            Id = t.Column<string>("text", nullable: false),
            Description = t.Column<string>("character varying(500)", maxLength: 500, nullable: true),
            Name = t.Column<string>("character varying(256)", maxLength: 256, nullable: true),
            NormalizedName = t.Column<string>("character varying(256)", maxLength: 256, nullable: true),
            ConcurrencyStamp = t.Column<string>("text", nullable: true),
        }, constraints: t => t.PrimaryKey("PK_AspNetRoles", x => x.Id));

        m.CreateTable("AspNetUsers", schema: S, columns: t => new
        {
            Id = t.Column<string>("text", nullable: false),
            FullName = t.Column<string>("character varying(200)", maxLength: 200, nullable: false),
            UserName = t.Column<string>("character varying(256)", maxLength: 256, nullable: true),
            NormalizedUserName = t.Column<string>("character varying(256)", maxLength: 256, nullable: true),
            Email = t.Column<string>("character varying(256)", maxLength: 256, nullable: true),
            NormalizedEmail = t.Column<string>("character varying(256)", maxLength: 256, nullable: true),
            EmailConfirmed = t.Column<bool>("boolean", nullable: false),
            PasswordHash = t.Column<string>("text", nullable: true),
            SecurityStamp = t.Column<string>("text", nullable: true),
            ConcurrencyStamp = t.Column<string>("text", nullable: true),
            PhoneNumber = t.Column<string>("text", nullable: true),
            PhoneNumberConfirmed = t.Column<bool>("boolean", nullable: false),
            TwoFactorEnabled = t.Column<bool>("boolean", nullable: false),
            LockoutEnd = t.Column<DateTimeOffset>("timestamp with time zone", nullable: true),
            LockoutEnabled = t.Column<bool>("boolean", nullable: false),
            AccessFailedCount = t.Column<int>("integer", nullable: false),
        }, constraints: t => t.PrimaryKey("PK_AspNetUsers", x => x.Id));

        m.CreateTable("AspNetRoleClaims", schema: S, columns: t => new
        {
            Id = t.Column<int>("integer", nullable: false).Annotation("Npgsql:ValueGenerationStrategy", Npgsql.EntityFrameworkCore.PostgreSQL.Metadata.NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
            RoleId = t.Column<string>("text", nullable: false),
            ClaimType = t.Column<string>("text", nullable: true),
            ClaimValue = t.Column<string>("text", nullable: true),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_AspNetRoleClaims", x => x.Id);
            t.ForeignKey("FK_AspNetRoleClaims_AspNetRoles_RoleId", x => x.RoleId, principalSchema: S, principalTable: "AspNetRoles", principalColumn: "Id", onDelete: ReferentialAction.Cascade);
        });

        m.CreateTable("AspNetUserClaims", schema: S, columns: t => new
        {
            Id = t.Column<int>("integer", nullable: false).Annotation("Npgsql:ValueGenerationStrategy", Npgsql.EntityFrameworkCore.PostgreSQL.Metadata.NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
            UserId = t.Column<string>("text", nullable: false),
            ClaimType = t.Column<string>("text", nullable: true),
            ClaimValue = t.Column<string>("text", nullable: true),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_AspNetUserClaims", x => x.Id);
            t.ForeignKey("FK_AspNetUserClaims_AspNetUsers_UserId", x => x.UserId, principalSchema: S, principalTable: "AspNetUsers", principalColumn: "Id", onDelete: ReferentialAction.Cascade);
        });

        m.CreateTable("AspNetUserLogins", schema: S, columns: t => new
        {
            LoginProvider = t.Column<string>("text", nullable: false),
            ProviderKey = t.Column<string>("text", nullable: false),
            ProviderDisplayName = t.Column<string>("text", nullable: true),
            UserId = t.Column<string>("text", nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_AspNetUserLogins", x => new { x.LoginProvider, x.ProviderKey });
            t.ForeignKey("FK_AspNetUserLogins_AspNetUsers_UserId", x => x.UserId, principalSchema: S, principalTable: "AspNetUsers", principalColumn: "Id", onDelete: ReferentialAction.Cascade);
        });

        m.CreateTable("AspNetUserRoles", schema: S, columns: t => new
        {
            UserId = t.Column<string>("text", nullable: false),
            RoleId = t.Column<string>("text", nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_AspNetUserRoles", x => new { x.UserId, x.RoleId });
            t.ForeignKey("FK_AspNetUserRoles_AspNetRoles_RoleId", x => x.RoleId, principalSchema: S, principalTable: "AspNetRoles", principalColumn: "Id", onDelete: ReferentialAction.Cascade);
            t.ForeignKey("FK_AspNetUserRoles_AspNetUsers_UserId", x => x.UserId, principalSchema: S, principalTable: "AspNetUsers", principalColumn: "Id", onDelete: ReferentialAction.Cascade);
        });

        m.CreateTable("AspNetUserTokens", schema: S, columns: t => new
        {
            UserId = t.Column<string>("text", nullable: false),
            LoginProvider = t.Column<string>("text", nullable: false),
            Name = t.Column<string>("text", nullable: false),
            Value = t.Column<string>("text", nullable: true),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_AspNetUserTokens", x => new { x.UserId, x.LoginProvider, x.Name });
            t.ForeignKey("FK_AspNetUserTokens_AspNetUsers_UserId", x => x.UserId, principalSchema: S, principalTable: "AspNetUsers", principalColumn: "Id", onDelete: ReferentialAction.Cascade);
        });

        m.CreateIndex("IX_AspNetRoleClaims_RoleId", "AspNetRoleClaims", "RoleId", S);
        m.CreateIndex("RoleNameIndex", "AspNetRoles", "NormalizedName", S, unique: true);
        m.CreateIndex("IX_AspNetUserClaims_UserId", "AspNetUserClaims", "UserId", S);
        m.CreateIndex("IX_AspNetUserLogins_UserId", "AspNetUserLogins", "UserId", S);
        m.CreateIndex("IX_AspNetUserRoles_RoleId", "AspNetUserRoles", "RoleId", S);
        m.CreateIndex("EmailIndex", "AspNetUsers", "NormalizedEmail", S);
        m.CreateIndex("UserNameIndex", "AspNetUsers", "NormalizedUserName", S, unique: true);
    }

    protected override void Down(MigrationBuilder m)
    {
        foreach (var table in new[] { "AspNetRoleClaims", "AspNetUserClaims", "AspNetUserLogins", "AspNetUserRoles", "AspNetUserTokens", "AspNetRoles", "AspNetUsers" })
            m.DropTable(table, S);
    }
}
