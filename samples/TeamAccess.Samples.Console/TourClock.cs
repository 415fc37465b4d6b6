/// <summary>The system clock, which the tour can move forward to show what happens later (a resend two minutes on).</summary>
internal sealed class TourClock : TimeProvider
{
    private TimeSpan _offset;

    public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + _offset;

    public void Advance(TimeSpan by) => _offset += by;
}
