using Microsoft.Extensions.DependencyInjection;
using Orleans.Hosting;

namespace ControlPlane.Silo.Hosting;

/// <summary>Reminders for periodic grain work (budget periods): the cluster's own table when one is configured, else in memory.</summary>
public static class ReminderHosting
{
    /// <summary>
    /// Adds the in-memory reminder service unless a reminder table (Redis, ADO.NET) was configured before this call.
    /// Embedded mode loses its reminders on restart; grains that need one register it again when they activate.
    /// </summary>
    public static ISiloBuilder AddControlPlaneReminders(this ISiloBuilder silo)
    {
        if (!silo.Services.Any(s => s.ServiceType == typeof(IReminderTable))) silo.UseInMemoryReminderService();
        return silo;
    }
}
