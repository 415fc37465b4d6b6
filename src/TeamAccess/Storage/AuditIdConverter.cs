using System.Text.Json;
using System.Text.Json.Serialization;

namespace TeamAccess.Storage;

/// <summary>
/// An id in the stored audit JSON: written as its GUID string, like every id a host reads; read from the string or from
/// the object (<c>{"value": "..."}</c>) that rows written before this format carry, so an old log replays unchanged.
/// </summary>
internal sealed class AuditIdConverter<TId>(Func<Guid, TId> create, Func<TId, Guid> value) : JsonConverter<TId>
    where TId : struct
{
    public override TId Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                return create(reader.GetGuid());
            case JsonTokenType.StartObject:
                Guid? found = null;
                while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
                {
                    var name = reader.GetString();
                    reader.Read();
                    if (string.Equals(name, "value", StringComparison.OrdinalIgnoreCase))
                    {
                        found = reader.GetGuid();
                    }
                    else
                    {
                        reader.Skip();
                    }
                }

                return found is { } id ? create(id) : throw new JsonException($"A stored {typeof(TId).Name} has no value.");
            default:
                throw new JsonException($"A stored {typeof(TId).Name} is neither a string nor an object.");
        }
    }

    public override void Write(Utf8JsonWriter writer, TId id, JsonSerializerOptions options) => writer.WriteStringValue(value(id));
}
