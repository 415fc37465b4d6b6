using OpenQA.Selenium;

namespace TeamAccess.Samples.Portal.Tests;

/// <content>The portal's own devices (issue 26): a device added to its table is granted by name on the Groups page, and the member it is granted to sees it.</content>
public sealed partial class PortalBrowserTests
{
    [SkippableFact]
    public void Devices_AnAddedDeviceIsPickedByNameOnTheGrantForm_AndTheMemberSeesIt()
    {
        using var owner = Open();
        SignUpAndSignIn(owner, "paintshop");
        Invite(owner, "painter@example.com", "Member");
        using var painter = Accept("painter@example.com");

        // Nothing is shared with the member yet, and a member adds no device.
        painter.Go("/Devices");
        Assert.NotEmpty(painter.Driver.FindElements(By.Id("no-devices")));
        Assert.Empty(painter.Driver.FindElements(By.Id("add-device")));

        // The owner adds a device to the portal's table; a bad id is refused beside its field.
        owner.Go("/Devices");
        owner.Fill("Name", "Paint shop dryer");
        owner.Fill("DeviceId", "Dryer #1");
        owner.Click("add-device-submit");
        owner.Expect("Enter an id of lowercase letters, digits and dashes, such as device-100.", () => owner.Text("field-DeviceId-error"));
        owner.Fill("DeviceId", "device-100");
        owner.Click("add-device-submit");
        owner.Expect("Paint shop dryer (device-100) added. Share it with people on the Groups page.", () => owner.Text("notice"));
        Assert.Equal("Paint shop dryer", owner.Driver.FindElement(By.CssSelector("tr.device-row[data-device='device-100'] .device-name")).Text);

        // The grant form offers the team's devices by name: no id is typed.
        owner.Go("/Groups");
        var resource = owner.Driver.FindElement(By.Id("grant-resource"));
        Assert.Equal("select", resource.TagName);
        Assert.Contains("Paint shop dryer (device-100)", owner.Column("#grant-resource option"));
        owner.Choose("grant-resource", "Paint shop dryer (device-100)");
        owner.Choose("grant-subject", "Grace Hopper (painter@example.com)");
        owner.Choose("grant-access", "read");
        owner.Click("grant");
        owner.Expect("Granted read access on device-100.", () => owner.Text("notice"));
        Assert.Equal("Paint shop dryer (device-100)", owner.Driver.FindElement(By.CssSelector("tr.grant-row[data-resource='device-100'] td")).Text);

        // The member sees that device only, by name, and may not restart it (read only).
        painter.Go("/Devices");
        Assert.Equal("device-100", Devices(painter));
        Assert.Equal("Paint shop dryer", painter.Driver.FindElement(By.CssSelector("tr.device-row[data-device='device-100'] .device-name")).Text);
        Assert.Equal("", Writable(painter));
    }
}
