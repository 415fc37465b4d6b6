namespace TeamAccess.Tests;

/// <summary>Reads observable gauges, as an exporter would.</summary>
internal static class Gauges
{
    /// <summary>The current value of each observable gauge of <paramref name="meter"/> (this instance's, not another test's).</summary>
    public static Dictionary<string, double> Read(System.Diagnostics.Metrics.Meter meter)
    {
        var values = new Dictionary<string, double>(StringComparer.Ordinal);
        using var listener = new System.Diagnostics.Metrics.MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (ReferenceEquals(instrument.Meter, meter))
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<int>((instrument, value, _, _) => values[instrument.Name] = value);
        listener.SetMeasurementEventCallback<long>((instrument, value, _, _) => values[instrument.Name] = value);
        listener.SetMeasurementEventCallback<double>((instrument, value, _, _) => values[instrument.Name] = value);
        listener.Start();
        listener.RecordObservableInstruments();
        return values;
    }
}
