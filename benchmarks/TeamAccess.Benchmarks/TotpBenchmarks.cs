using BenchmarkDotNet.Attributes;
using OtpNet;
using TeamAccess.Accounts;

namespace TeamAccess.Benchmarks;

/// <summary>
/// Issue 24: one authenticator code (RFC 6238: HMAC-SHA1, 30-second steps, 6 digits, one step either side) judged by the
/// library's verifier, <c>AuthenticatorCodes.TryMatch</c> (the code parsed as a number, then RFC 6238 over the
/// decrypted secret with the span APIs), beside Otp.NET's raw <see cref="Totp.VerifyTotp(DateTime, string, out long, VerificationWindow)"/>
/// on a <see cref="Totp"/> built once, the floor. A right code matches in the middle of the window; a wrong one is
/// compared with all three steps (TeamAccess computes all three either way). "TryParse" is the parsing alone, so that what comes after it can be
/// read off.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class TotpBenchmarks
{
    private static readonly VerificationWindow Window = new(previous: 1, future: 1);
    private readonly DateTimeOffset _now = new(2026, 12, 7, 12, 0, 10, TimeSpan.Zero);
    private byte[] _secret = null!;
    private Totp _totp = null!;
    private string _code = null!;
    private string _wrong = null!;

    [GlobalSetup]
    public void Setup()
    {
        _secret = AuthenticatorCodes.NewSecret();
        _totp = new Totp(_secret, step: 30, mode: OtpHashMode.Sha1, totpSize: 6);
        _code = _totp.ComputeTotp(_now.UtcDateTime);

        // A code of none of the three steps the window accepts.
        var taken = new[] { -30, 0, 30 }.Select(s => _totp.ComputeTotp(_now.UtcDateTime.AddSeconds(s))).ToHashSet();
        _wrong = Enumerable.Range(0, 1000).Select(i => i.ToString("D6", System.Globalization.CultureInfo.InvariantCulture)).First(c => !taken.Contains(c));
        if (!TeamAccess_RightCode() || TeamAccess_WrongCode() || !OtpNet_RightCode() || OtpNet_WrongCode())
        {
            throw new InvalidOperationException("A verifier answered wrongly: the benchmark would measure something else.");
        }
    }

    [Benchmark(Baseline = true, Description = "Otp.NET Totp.VerifyTotp (Totp built once), right code")]
    public bool OtpNet_RightCode() => _totp.VerifyTotp(_now.UtcDateTime, _code, out _, Window);

    [Benchmark(Description = "Otp.NET Totp.VerifyTotp (Totp built once), wrong code")]
    public bool OtpNet_WrongCode() => _totp.VerifyTotp(_now.UtcDateTime, _wrong, out _, Window);

    [Benchmark(Description = "Otp.NET new Totp + VerifyTotp, right code")]
    public bool OtpNet_NewTotp_RightCode() => new Totp(_secret, step: 30, mode: OtpHashMode.Sha1, totpSize: 6).VerifyTotp(_now.UtcDateTime, _code, out _, Window);

    [Benchmark(Description = "TeamAccess AuthenticatorCodes.TryMatch, right code")]
    public bool TeamAccess_RightCode() => AuthenticatorCodes.TryMatch(_secret, _code, _now, out _);

    [Benchmark(Description = "TeamAccess AuthenticatorCodes.TryMatch, wrong code")]
    public bool TeamAccess_WrongCode() => AuthenticatorCodes.TryMatch(_secret, _wrong, _now, out _);

    [Benchmark(Description = "TeamAccess AuthenticatorCodes.TryParse (parsing alone)")]
    public bool TeamAccess_Parse() => AuthenticatorCodes.TryParse(_code, out _);
}
