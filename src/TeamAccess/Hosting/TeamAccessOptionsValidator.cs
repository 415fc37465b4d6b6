using Microsoft.Extensions.Options;

namespace TeamAccess.Hosting;

/// <summary>Validates <see cref="TeamAccessOptions"/> with the same code that builds the role catalog, so the two cannot disagree.</summary>
internal sealed class TeamAccessOptionsValidator : IValidateOptions<TeamAccessOptions>
{
    public ValidateOptionsResult Validate(string? name, TeamAccessOptions options)
    {
        var errors = new List<string>();
        var roles = RoleCatalog.TryBuild(options, errors);
        if (options.Concurrency.MaxRetries is < 0 or > 100)
        {
            errors.Add($"Concurrency.MaxRetries must be between 0 and 100; it is {options.Concurrency.MaxRetries}.");
        }

        errors.AddRange(options.Invitations.Validate());
        errors.AddRange(options.Passwords.Validate());
        errors.AddRange(options.Sessions.Validate());
        errors.AddRange(options.SecondFactors.Validate());
        errors.AddRange(options.Passkeys.Validate());
        errors.AddRange(options.ChangeFeed.Validate());
        errors.AddRange(options.ApiKeys.Validate());
        errors.AddRange(options.TeamSso.Validate());
        errors.AddRange(options.EmailConfirmation.Validate());
        errors.AddRange(options.Ownership.Validate());
        errors.AddRange(options.Events.Validate());
        errors.AddRange(options.Mail.Validate());
        errors.AddRange(options.Directory.Validate(roles));
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
