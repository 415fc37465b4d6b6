using System.Text.Json.Serialization;

namespace TeamAccess.Tests.Storage;

/// <summary>The audit JSON writes every enum of the audited rooms as its name: each needs its generic converter listed.</summary>
public sealed class AuditJsonTests
{
    [Fact]
    public void Every_enum_of_the_model_and_storage_rooms_has_its_string_converter()
    {
        var enums = typeof(Team).Assembly.GetTypes()
            .Where(t => t.IsEnum && t.Namespace is "TeamAccess" or "TeamAccess.Storage" && !t.IsNested)
            .Select(t => typeof(JsonStringEnumConverter<>).MakeGenericType(t));
        var listed = AuditJson.Options.Converters.Select(c => c.GetType()).ToHashSet();
        Assert.Empty(enums.Where(c => !listed.Contains(c)).Select(c => c.GenericTypeArguments[0].FullName));
    }
}
