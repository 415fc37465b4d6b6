using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace TeamAccess.EntityFramework;

/// <summary>
/// The host's logger factory as EF Core sees it from the store's contexts, with one change: while the store commits
/// (<see cref="RefusalLogScope"/>), the warnings and errors of EF Core's command and update categories wait for the
/// commit's outcome. When the database refused the commit with a unique index or primary key that the store answers
/// with a result code (<c>DuplicateHandle</c>, <c>DuplicateEmail</c>, <c>AlreadyMember</c>, <c>LoginAlreadyLinked</c>,
/// a concurrency retry), they are written at Debug without the exception and its stack; otherwise as EF Core wrote
/// them. EF Core logs a failed command before any interceptor sees it, and (since EF Core 9) without its exception, so
/// only the commit that catches the exception can tell a refusal from a failure.
/// </summary>
internal sealed class QuietRefusalLoggerFactory(ILoggerFactory inner) : ILoggerFactory
{
    public ILogger CreateLogger(string categoryName)
    {
        var logger = inner.CreateLogger(categoryName);
        return categoryName == DbLoggerCategory.Database.Command.Name || categoryName == DbLoggerCategory.Update.Name
            ? new QuietRefusalLogger(logger, categoryName == DbLoggerCategory.Update.Name)
            : logger;
    }

    public void AddProvider(ILoggerProvider provider) => inner.AddProvider(provider);

    public void Dispose()
    {
        // The host's factory belongs to the host.
    }

    private sealed class QuietRefusalLogger(ILogger inner, bool update) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => inner.BeginScope(state);

        public bool IsEnabled(LogLevel logLevel) => inner.IsEnabled(logLevel);

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (logLevel < LogLevel.Warning || RefusalLogScope.Current is not { } commit)
            {
                inner.Log(logLevel, eventId, state, exception, formatter);
                return;
            }

            commit.Hold(refusal =>
            {
                if (refusal is null)
                {
                    inner.Log(logLevel, eventId, state, exception, formatter);
                }
                else if (inner.IsEnabled(LogLevel.Debug))
                {
                    // The command's text stays; the update's message would repeat the exception with its stack.
                    var text = update ? "Saving changes was refused by a unique index" : formatter(state, null);
                    inner.Log(LogLevel.Debug, eventId, state, null, (_, _) => $"{text} (TeamAccess answers {refusal}).");
                }
            });
        }
    }
}

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
