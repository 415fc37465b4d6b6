using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace TeamAccess.EntityFramework;

/// <summary>One commit of the store, during which EF Core's warnings and errors wait for its outcome.</summary>
internal sealed class RefusalLogScope : IDisposable
{
    private static readonly AsyncLocal<RefusalLogScope?> Scope = new();
    private readonly RefusalLogScope? _outer;
    private readonly List<Action<TeamAccessErrorCode?>> _held = [];
    private TeamAccessErrorCode? _refusal;

    private RefusalLogScope(RefusalLogScope? outer) => _outer = outer;

    public static RefusalLogScope? Current => Scope.Value;

    /// <summary>Starts holding EF Core's warnings and errors of the calling flow.</summary>
    public static RefusalLogScope Begin()
    {
        var scope = new RefusalLogScope(Scope.Value);
        Scope.Value = scope;
        return scope;
    }

    public void Hold(Action<TeamAccessErrorCode?> write)
    {
        lock (_held)
        {
            _held.Add(write);
        }
    }

    /// <summary>The commit ended in a refusal the store answers with <paramref name="code"/>.</summary>
    public void Refused(TeamAccessErrorCode code) => _refusal = code;

    /// <summary>Writes what was held: at Debug after a refusal, as it was otherwise.</summary>
    public void Dispose()
    {
        Scope.Value = _outer;
        lock (_held)
        {
            foreach (var write in _held)
            {
                write(_refusal);
            }

            _held.Clear();
        }
    }
}
