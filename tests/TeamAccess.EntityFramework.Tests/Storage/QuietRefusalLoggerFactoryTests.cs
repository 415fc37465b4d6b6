using Microsoft.Extensions.Logging;

namespace TeamAccess.EntityFramework.Tests;

/// <summary>EF Core's errors during a commit wait for its outcome: quiet after a refusal, as they were otherwise.</summary>
public sealed class QuietRefusalLoggerFactoryTests
{
    [Theory]
    [InlineData(true, LogLevel.Debug, false)]
    [InlineData(false, LogLevel.Error, true)]
    public void Log_ErrorDuringACommit_IsWrittenAtTheCommitsEnd(bool refused, LogLevel expected, bool withException)
    {
        var written = new List<(LogLevel Level, bool HasException)>();
        using var factory = new QuietRefusalLoggerFactory(LoggerFactory.Create(b => b.AddProvider(new Provider(written)).SetMinimumLevel(LogLevel.Trace)));
        var logger = factory.CreateLogger("Microsoft.EntityFrameworkCore.Update");

        using (var commit = RefusalLogScope.Begin())
        {
            logger.LogError(new InvalidOperationException("duplicate key"), "An exception occurred while saving changes.");
            Assert.Empty(written);
            if (refused)
            {
                commit.Refused(TeamAccessErrorCode.DuplicateHandle);
            }
        }

        Assert.Equal([(expected, withException)], written);
    }

    [Fact]
    public void Log_ErrorOutsideACommit_IsWrittenAtOnceAsIs()
    {
        var written = new List<(LogLevel Level, bool HasException)>();
        using var factory = new QuietRefusalLoggerFactory(LoggerFactory.Create(b => b.AddProvider(new Provider(written)).SetMinimumLevel(LogLevel.Trace)));

        factory.CreateLogger("Microsoft.EntityFrameworkCore.Database.Command").LogError(new InvalidOperationException("no such table"), "Failed executing DbCommand.");

        Assert.Equal([(LogLevel.Error, true)], written);
    }

    private sealed class Provider(List<(LogLevel Level, bool HasException)> written) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new Logger(written);

        public void Dispose()
        {
        }

        private sealed class Logger(List<(LogLevel Level, bool HasException)> written) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                written.Add((logLevel, exception is not null));
        }
    }
}
