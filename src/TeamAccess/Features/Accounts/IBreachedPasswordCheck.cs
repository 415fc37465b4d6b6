using System.Globalization;
using System.Text;
using Microsoft.Extensions.Options;

namespace TeamAccess.Accounts;

/// <summary>
/// An extension point for NIST 800-63B's check against passwords known from breaches (a local list, or a k-anonymity
/// range query to a breach corpus). None is registered by default; a host registers one in DI and every new password
/// (sign-up, accepting an invitation with a new account) is checked. Only passwords that passed the other criteria reach it.
/// </summary>
public interface IBreachedPasswordCheck
{
    /// <summary>Tells whether the password is known from a breach.</summary>
    /// <param name="password">The candidate password (Unicode NFKC). Implementations must not log or store it.</param>
    /// <param name="cancellationToken">Cancels the check.</param>
    /// <returns><see langword="true"/> when the password must be refused.</returns>
    ValueTask<bool> IsBreachedAsync(string password, CancellationToken cancellationToken);
}
