using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CampusKonseling.Notifications.Data.Migrations;

/// <summary>
/// A campus's mail server gets a security mode (auto, STARTTLS, implicit TLS, none) instead of one TLS
/// switch, and an OAuth2 token. The switch meant STARTTLS (System.Net.Mail knew nothing else), so "on"
/// becomes starttls, or implicit TLS on port 465 where STARTTLS never worked; "off" stays unencrypted.
/// </summary>
[DbContext(typeof(NotificationsDb))]
[Migration("20261203090000_AddSmtpSecurity")]
public sealed class AddSmtpSecurity : Migration
{
    protected override void Up(MigrationBuilder m)
    {
        m.AddColumn<string>(name: "smtp_security", table: "channels", schema: NotificationsDb.Schema, type: "character varying(20)", maxLength: 20, nullable: false, defaultValue: "auto");
        m.AddColumn<string>(name: "smtp_oauth_token_protected", table: "channels", schema: NotificationsDb.Schema, type: "text", nullable: true);
        m.Sql($"""
            UPDATE {NotificationsDb.Schema}.channels
            SET smtp_security = CASE WHEN NOT smtp_tls THEN 'none' WHEN smtp_port = 465 THEN 'implicit' ELSE 'starttls' END
            """);
        m.DropColumn("smtp_tls", "channels", NotificationsDb.Schema);
    }

    protected override void Down(MigrationBuilder m)
    {
        m.AddColumn<bool>(name: "smtp_tls", table: "channels", schema: NotificationsDb.Schema, type: "boolean", nullable: false, defaultValue: true);
        m.Sql($"UPDATE {NotificationsDb.Schema}.channels SET smtp_tls = smtp_security <> 'none'");
        m.DropColumn("smtp_oauth_token_protected", "channels", NotificationsDb.Schema);
        m.DropColumn("smtp_security", "channels", NotificationsDb.Schema);
    }
}
