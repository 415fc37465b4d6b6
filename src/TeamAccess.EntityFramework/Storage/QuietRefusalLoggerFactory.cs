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
