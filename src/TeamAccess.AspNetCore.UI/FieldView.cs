namespace TeamAccess.AspNetCore.UI;

/// <summary>One form field as the <c>_Field</c> partial draws it: a label, the input, a hint and its error beside it.</summary>
/// <param name="Name">The posted name (the page model's property).</param>
/// <param name="Label">The label.</param>
/// <param name="Value">The value to show; never set for a password.</param>
/// <param name="Type">The input type.</param>
/// <param name="Autocomplete">The autocomplete token, such as <c>email</c> or <c>new-password</c>.</param>
/// <param name="Error">The field's error, or <see langword="null"/>.</param>
/// <param name="Hint">A hint shown under the field, or <see langword="null"/>.</param>
internal sealed record FieldView(string Name, string Label, string? Value, string Type, string Autocomplete, string? Error, string? Hint = null)
{
    /// <summary>Gets the element id of the input.</summary>
    public string Id => "field-" + Name;

    /// <summary>Gets the ids that describe the input: its hint and its error.</summary>
    public string? DescribedBy => string.Join(' ', new[] { Hint is null ? null : Id + "-hint", Error is null ? null : Id + "-error" }.OfType<string>()) is { Length: > 0 } ids ? ids : null;
}
