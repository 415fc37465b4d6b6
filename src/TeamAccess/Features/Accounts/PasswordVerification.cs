using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace TeamAccess.Accounts;

/// <summary>The outcome of verifying a password against a stored hash.</summary>
internal enum PasswordVerification
{
    Failed = 0,
    Succeeded = 1,
    SucceededRehashNeeded = 2,
}
