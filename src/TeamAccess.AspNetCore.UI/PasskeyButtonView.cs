namespace TeamAccess.AspNetCore.UI;

/// <summary>A passkey button as the <c>_PasskeyButton</c> partial draws it, for the package's passkey script.</summary>
/// <param name="Id">The button's element id.</param>
/// <param name="Mode"><c>create</c> (register) or <c>get</c> (prove one).</param>
/// <param name="OptionsUrl">The page handler that answers the ceremony's options.</param>
/// <param name="Label">The button's words.</param>
/// <param name="CssClass">The button's classes.</param>
internal sealed record PasskeyButtonView(string Id, string Mode, string OptionsUrl, string Label, string CssClass = "btn btn-outline-primary");
