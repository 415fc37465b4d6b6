using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace TeamAccess.Samples.Portal;

/// <summary>
/// Exports TeamAccess's traces and metrics (its <c>TeamAccess</c> activity source and meter) with ASP.NET Core's own,
/// over OTLP, when an endpoint is configured: <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> (the OpenTelemetry SDK's variable, e.g.
/// <c>http://localhost:4317</c> for a local collector or the .NET Aspire dashboard). Without one nothing is exported and
/// nothing is added.
/// </summary>
internal static class PortalTelemetry
{
    public static bool AddPortalTelemetry(this WebApplicationBuilder builder)
    {
        if (string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            return false;
        }

        builder.Services.AddOpenTelemetry()
            .WithTracing(tracing => tracing.AddSource("TeamAccess").AddAspNetCoreInstrumentation().AddOtlpExporter())
            .WithMetrics(metrics => metrics.AddMeter("TeamAccess").AddAspNetCoreInstrumentation().AddOtlpExporter());
        return true;
    }
}
