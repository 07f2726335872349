using System.Net;
using Governance.Distribution;

namespace Governance.Tests.Distribution;

/// <summary>The webhook address rule: the public internet only, judged on the address however it is written.</summary>
public class WebhookAddressesTests
{
    [Theory]
    // IPv4: the edges of each special block and their public neighbours.
    [InlineData("0.0.0.0", false)]
    [InlineData("0.255.255.255", false)]
    [InlineData("1.0.0.0", true)]
    [InlineData("9.255.255.255", true)]
    [InlineData("10.0.0.0", false)]
    [InlineData("10.255.255.255", false)]
    [InlineData("11.0.0.0", true)]
    [InlineData("100.63.255.255", true)]
    [InlineData("100.64.0.0", false)]
    [InlineData("100.127.255.255", false)]
    [InlineData("100.128.0.0", true)]
    [InlineData("126.255.255.255", true)]
    [InlineData("127.0.0.1", false)]
    [InlineData("127.255.255.255", false)]
    [InlineData("169.254.169.254", false)]
    [InlineData("169.253.255.255", true)]
    [InlineData("169.255.0.0", true)]
    [InlineData("172.15.255.255", true)]
    [InlineData("172.16.0.0", false)]
    [InlineData("172.31.255.255", false)]
    [InlineData("172.32.0.0", true)]
    [InlineData("192.0.0.8", false)]
    [InlineData("192.0.2.1", false)]
    [InlineData("192.0.3.1", true)]
    [InlineData("192.88.99.1", false)]
    [InlineData("192.167.255.255", true)]
    [InlineData("192.168.0.0", false)]
    [InlineData("192.168.255.255", false)]
    [InlineData("192.169.0.0", true)]
    [InlineData("198.17.255.255", true)]
    [InlineData("198.18.0.0", false)]
    [InlineData("198.19.255.255", false)]
    [InlineData("198.20.0.0", true)]
    [InlineData("198.51.100.7", false)]
    [InlineData("203.0.113.7", false)]
    [InlineData("193.15.237.1", true)]
    [InlineData("223.255.255.255", true)]
    [InlineData("224.0.0.1", false)]
    [InlineData("239.255.255.250", false)]
    [InlineData("240.0.0.1", false)]
    [InlineData("255.255.255.255", false)]
    // IPv6.
    [InlineData("::", false)]
    [InlineData("::1", false)]
    [InlineData("::127.0.0.1", false)]
    [InlineData("fc00::1", false)]
    [InlineData("fd12:3456:789a::1", false)]
    [InlineData("fe80::1", false)]
    [InlineData("febf:ffff::1", false)]
    [InlineData("fec0::1", false)]
    [InlineData("ff02::1", false)]
    [InlineData("100::1", false)]
    [InlineData("1fff:ffff::1", false)]
    [InlineData("2001::1", false)]
    [InlineData("2001:1ff::1", false)]
    [InlineData("2001:200::1", true)]
    [InlineData("2001:db8::1", false)]
    [InlineData("2001:db9::1", true)]
    [InlineData("2a00:1450:400f:80d::200e", true)]
    [InlineData("2606:4700:4700::1111", true)]
    [InlineData("3ffe::1", true)]
    [InlineData("3fff::1", false)]
    [InlineData("3fff:fff::1", false)]
    [InlineData("3fff:1000::1", true)]
    [InlineData("4000::1", false)]
    // IPv4 inside IPv6: mapped, NAT64 and 6to4 are judged as the IPv4 address they carry.
    [InlineData("::ffff:127.0.0.1", false)]
    [InlineData("::ffff:10.1.2.3", false)]
    [InlineData("::ffff:169.254.169.254", false)]
    [InlineData("::ffff:193.15.237.1", true)]
    [InlineData("64:ff9b::10.0.0.1", false)]
    [InlineData("64:ff9b::193.15.237.1", true)]
    [InlineData("64:ff9b:1::193.15.237.1", false)]
    [InlineData("2002:c0a8:0101::1", false)]
    [InlineData("2002:c10f:ed01::1", true)]
    public void only_the_public_internet_is_public(string address, bool expected) =>
        Assert.Equal(expected, WebhookAddresses.IsPublic(IPAddress.Parse(address)));

    [Theory]
    [InlineData("https://diarium.nykvarn.se/inkorg", false, true)]
    [InlineData("http://diarium.nykvarn.se/inkorg", false, false)]
    [InlineData("http://127.0.0.1:5000/inkorg", false, false)]
    [InlineData("ftp://diarium.nykvarn.se/inkorg", false, false)]
    [InlineData("https://diarium.nykvarn.se/inkorg", true, true)]
    [InlineData("http://127.0.0.1:5000/inkorg", true, true)]
    [InlineData("ftp://diarium.nykvarn.se/inkorg", true, false)]
    public void https_only_and_plain_http_only_in_development(string url, bool development, bool allowed) =>
        Assert.Equal(allowed, WebhookAddresses.RefuseScheme(new Uri(url), development) is null);

    [Theory]
    [InlineData("https://diarium.nykvarn.se/", "193.15.237.1", false, true)]
    [InlineData("https://diarium.nykvarn.se/", "10.0.0.5", false, false)]
    [InlineData("https://diarium.nykvarn.se/", "::1", false, false)]
    [InlineData("https://diarium.nykvarn.se/", "10.0.0.5", true, true)]
    [InlineData("http://localhost:5000/", "127.0.0.1", true, true)]
    [InlineData("http://localhost:5000/", "::1", true, true)]
    [InlineData("http://localhost:5000/", "::ffff:127.0.0.1", true, true)]
    [InlineData("http://receiver.lan:5000/", "192.168.1.20", true, false)]
    public void resolved_addresses_are_judged_by_the_environment(
        string url,
        string address,
        bool development,
        bool allowed
    )
    {
        var refusal = WebhookAddresses.RefuseAddress(new Uri(url), IPAddress.Parse(address), development);
        Assert.Equal(allowed, refusal is null);
        if (refusal is not null)
            Assert.Contains(address, refusal, StringComparison.Ordinal);
    }
}
