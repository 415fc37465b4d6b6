namespace TeamAccess.Tests;

/// <summary>One random operation of a property: FsCheck generates and shrinks the bytes; <see cref="Model"/> decodes them.</summary>
public sealed record Step(byte Kind, byte Actor, byte Target, byte Role, byte Extra)
{
    public override string ToString() => $"({Kind},{Actor},{Target},{Role},{Extra})";
}
