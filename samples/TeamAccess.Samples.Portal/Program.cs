// The account pages of a team portal on TeamAccess: run it, open the address it prints, and sign up.
using TeamAccess.Samples.Portal;

var app = await PortalApp.BuildAsync(args);
await app.RunAsync();
