using BenchmarkDotNet.Running;
using TeamAccess.Benchmarks;

if (args is ["memory", ..])
{
    IndexMemory.Report(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 1_000_000);
    return;
}

if (args is ["propagation", ..])
{
    await Propagation.RunAsync(args);
    return;
}

if (args is ["http" or "http-keys", ..])
{
    await HttpLoad.RunAsync(args);
    return;
}

if (args is ["import", ..])
{
    await ImportRun.RunAsync(args);
    return;
}

if (args is ["writers", ..])
{
    await Writers.RunAsync(args);
    return;
}

if (args is ["scale", ..])
{
    await Scale.RunAsync(args);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
