namespace TeamAccess.EntityFramework;

/// <summary>An event a consumer read past without delivering it: held behind a failure of its order key, or dead-lettered.</summary>
internal sealed class HeldEventRow
{
    public string Consumer { get; set; } = "";

    public long Sequence { get; set; }

    public string OrderKey { get; set; } = "";

    public int State { get; set; }

    public int Attempts { get; set; }

    public DateTimeOffset HeldAt { get; set; }

    public string? LastError { get; set; }

    public DateTimeOffset? DeadLetteredAt { get; set; }
}
