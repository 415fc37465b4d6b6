using System.Text;
using OtpNet;
using TeamAccess.Accounts;

namespace TeamAccess.Tests;

/// <summary>
/// Issue 24: the authenticator code is judged by RFC 6238 over the span APIs, allocation-free, and gives the codes the
/// RFC's own test vectors and Otp.NET give, within one step either side.
/// </summary>
public sealed class AuthenticatorCodeTests
{
    // RFC 6238 appendix B, SHA-1: the secret "12345678901234567890"; the 8-digit codes' last six digits.
    private static readonly byte[] RfcSecret = Encoding.ASCII.GetBytes("12345678901234567890");

    [Theory]
    [InlineData(59L, 287082)]
    [InlineData(1111111109L, 81804)]
    [InlineData(1111111111L, 50471)]
    [InlineData(1234567890L, 5924)]
    [InlineData(2000000000L, 279037)]
    [InlineData(20000000000L, 353130)]
    public void CodeAt_IsTheRfcsTestVector(long unixSeconds, int code) =>
        Assert.Equal(code, AuthenticatorCodes.CodeAt(RfcSecret, unixSeconds / 30));

    [Fact]
    public void TryMatch_AcceptsOtpNetsCodesOneStepEitherSide_AndNothingFurther()
    {
        var secret = AuthenticatorCodes.NewSecret();
        var totp = new Totp(secret, step: 30, mode: OtpHashMode.Sha1, totpSize: 6);
        var now = new DateTimeOffset(2026, 12, 7, 12, 0, 10, TimeSpan.Zero);
        var step = now.ToUnixTimeSeconds() / 30;

        foreach (var (offset, expected) in new[] { (-30, step - 1), (0, step), (30, step + 1) })
        {
            var code = totp.ComputeTotp(now.UtcDateTime.AddSeconds(offset));
            Assert.True(AuthenticatorCodes.TryMatch(secret, $"{code[..3]} {code[3..]}", now, out var matched), code);
            Assert.Equal(expected, matched);
        }

        var far = totp.ComputeTotp(now.UtcDateTime.AddSeconds(90));
        var near = new[] { -30, 0, 30 }.Select(s => totp.ComputeTotp(now.UtcDateTime.AddSeconds(s))).ToHashSet();
        Assert.Equal(near.Contains(far), AuthenticatorCodes.TryMatch(secret, far, now, out _));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("12345")]
    [InlineData("1234567")]
    [InlineData("12a456")]
    [InlineData("１２３４５６")]
    [InlineData("123 456 789 012 345 678")]
    public void TryMatch_RefusesWhatIsNotSixDigits(string? code) =>
        Assert.False(AuthenticatorCodes.TryMatch(AuthenticatorCodes.NewSecret(), code, DateTimeOffset.UnixEpoch, out _));

    [Fact]
    public void TryMatch_AllocatesNothing()
    {
        var secret = AuthenticatorCodes.NewSecret();
        var now = new DateTimeOffset(2026, 12, 7, 12, 0, 10, TimeSpan.Zero);
        var code = AuthenticatorCodes.CodeAt(secret, now.ToUnixTimeSeconds() / 30).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(AuthenticatorCodes.TryMatch(secret, code, now, out _));

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 100; i++)
        {
            AuthenticatorCodes.TryMatch(secret, code, now, out _);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}
