using System.Security.Cryptography;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;

namespace Governance.Infrastructure.Security.Keys;

/// <summary>The configured 256-bit key that protects the key ring at rest (DataProtection:Key).</summary>
public sealed record KeyAtRest(byte[] Key);

/// <summary>
/// Encrypts each Data Protection key with AES-256-GCM under the configured key before it is stored, so a copy of
/// the database (a backup, a dump) does not hold usable keys. The certificate option uses the framework's own.
/// </summary>
public sealed class KeyAtRestEncryptor(KeyAtRest key) : IXmlEncryptor
{
    public EncryptedXmlInfo Encrypt(XElement plaintextElement)
    {
        var plain = System.Text.Encoding.UTF8.GetBytes(plaintextElement.ToString(SaveOptions.DisableFormatting));
        var nonce = RandomNumberGenerator.GetBytes(AesGcm.NonceByteSizes.MaxSize);
        var cipher = new byte[plain.Length];
        var tag = new byte[AesGcm.TagByteSizes.MaxSize];
        using (var aes = new AesGcm(key.Key, tag.Length))
            aes.Encrypt(nonce, plain, cipher, tag);
        var element = new XElement(
            "encryptedKey",
            new XAttribute("nonce", Convert.ToBase64String(nonce)),
            new XAttribute("tag", Convert.ToBase64String(tag)),
            Convert.ToBase64String(cipher)
        );
        return new EncryptedXmlInfo(element, typeof(KeyAtRestDecryptor));
    }
}

/// <summary>Data Protection creates this by type name from the stored XML, with the service provider.</summary>
public sealed class KeyAtRestDecryptor(IServiceProvider services) : IXmlDecryptor
{
    public XElement Decrypt(XElement encryptedElement)
    {
        var key =
            services.GetService(typeof(KeyAtRest)) as KeyAtRest
            ?? throw new InvalidOperationException(
                "The key ring is protected with DataProtection:Key, which is not configured."
            );
        var nonce = Convert.FromBase64String((string)encryptedElement.Attribute("nonce")!);
        var tag = Convert.FromBase64String((string)encryptedElement.Attribute("tag")!);
        var cipher = Convert.FromBase64String(encryptedElement.Value);
        var plain = new byte[cipher.Length];
        using (var aes = new AesGcm(key.Key, tag.Length))
            aes.Decrypt(nonce, cipher, tag, plain);
        return XElement.Parse(System.Text.Encoding.UTF8.GetString(plain));
    }
}
