using CampusKonseling.Tests.Infrastructure;
using CampusKonseling.Tests.Sop;

namespace CampusKonseling.Tests.Security;

/// <summary>
/// A step whose lane is a client role (UNPAM's "Mahasiswa") must not tell every holder of that role: they are
/// all the campus's students, and the notice names another student's request (issue 13's confidentiality
/// breach). Staff lanes of the same step are still told.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class ClientLaneNotificationTests(PlatformFixture platform) : IAsyncLifetime
{
    private const string EKonseling = "146/A.3.1/SOP/UNPAM/X/2019";
    private TestTenant _campus = null!;
    private SopHarness _in = null!;

    public async Task InitializeAsync()
    {
        _campus = await platform.CreateTenantAsync("unpam", "lajurklien");
        _in = new SopHarness(platform, _campus);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<long> TaskNoticesAsync(string email) =>
        (long)(await TestDatabase.ScalarAsync(_campus.Database,
            $"SELECT count(*) FROM notifications.notifications WHERE jenis = 'sop-tugas' AND user_id = '{await SecurityCampus.UserIdAsync(_campus, email)}'"))!;

    [Fact]
    public async Task A_step_of_the_student_lane_tells_the_staff_lane_and_no_other_student()
    {
        // Step 1 of e-konseling has the lanes Mahasiswa and IT.
        var started = await _in.StartAsync(EKonseling, await _in.ActorAsync("IT"), subjek: "Permohonan UJI-0001");
        Assert.True(started.Succeeded, started.Error);

        Assert.True(await TaskNoticesAsync("it@unpam.demo") > 0, "the staff lane was not told of its new step");
        Assert.Equal(0, await TaskNoticesAsync("mahasiswa@unpam.demo"));
    }
}
