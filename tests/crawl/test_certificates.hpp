#pragma once
// Throwaway X.509 certificates for the crawl's TLS tests, made with the OpenSSL C API at test
// time (no private key is committed, no `openssl` command is run): a CA, and server
// certificates it signs for given subjectAltNames. P-256 keys, valid from an hour ago for a
// day, written as PEM files into a directory the test owns.
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <cstdio>
#include <filesystem>
#include <functional>
#include <memory>
#include <stdexcept>
#include <string>

namespace zfxxgk::test {

struct PkeyFree {
    void operator()(EVP_PKEY* p) const { EVP_PKEY_free(p); }
};
struct X509Free {
    void operator()(X509* p) const { X509_free(p); }
};
using Pkey = std::unique_ptr<EVP_PKEY, PkeyFree>;
using Cert = std::unique_ptr<X509, X509Free>;

struct KeyAndCert {
    Pkey key;
    Cert cert;
};

namespace detail {

inline void check(bool ok, const char* what) {
    if (!ok) throw std::runtime_error(std::string("test certificate: ") + what + " failed");
}

// One X509v3 extension in openssl.cnf syntax ("critical,CA:TRUE"), issued by `issuer`.
inline void add_extension(X509* cert, X509* issuer, int nid, const char* value) {
    X509V3_CTX ctx;
    X509V3_set_ctx_nodb(&ctx);
    X509V3_set_ctx(&ctx, issuer, cert, nullptr, nullptr, 0);
    X509_EXTENSION* ext = X509V3_EXT_conf_nid(nullptr, &ctx, nid, value);
    check(ext != nullptr, value);
    check(X509_add_ext(cert, ext, -1) == 1, "X509_add_ext");
    X509_EXTENSION_free(ext);
}

// A certificate for `common_name` with a fresh key; self-signed when `issuer` is null.
inline KeyAndCert make_certificate(const std::string& common_name, const KeyAndCert* issuer, long serial) {
    KeyAndCert out{Pkey(EVP_EC_gen("P-256")), Cert(X509_new())};
    check(out.key && out.cert, "key generation");
    X509* x = out.cert.get();
    check(X509_set_version(x, 2) == 1, "X509_set_version");
    check(ASN1_INTEGER_set(X509_get_serialNumber(x), serial) == 1, "serial");
    check(X509_gmtime_adj(X509_getm_notBefore(x), -3600) != nullptr, "notBefore");
    check(X509_gmtime_adj(X509_getm_notAfter(x), 86400) != nullptr, "notAfter");
    check(X509_set_pubkey(x, out.key.get()) == 1, "X509_set_pubkey");
    X509_NAME* name = X509_get_subject_name(x);
    check(X509_NAME_add_entry_by_txt(name, "O", MBSTRING_ASC, reinterpret_cast<const unsigned char*>("zfxxgk tests"), -1, -1, 0) == 1, "O");
    check(X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC, reinterpret_cast<const unsigned char*>(common_name.c_str()), -1, -1,
                                     0) == 1,
          "CN");
    X509* issuer_cert = issuer != nullptr ? issuer->cert.get() : x;
    check(X509_set_issuer_name(x, X509_get_subject_name(issuer_cert)) == 1, "issuer");
    return out;
}

inline void sign(KeyAndCert& subject, const KeyAndCert& issuer) {
    check(X509_sign(subject.cert.get(), issuer.key.get(), EVP_sha256()) > 0, "X509_sign");
}

inline void write_pem(const std::filesystem::path& path, const std::function<int(FILE*)>& write) {
    FILE* f = std::fopen(path.c_str(), "wb");
    check(f != nullptr, "fopen");
    const int ok = write(f);
    std::fclose(f);
    check(ok == 1, "PEM write");
}

}  // namespace detail

inline KeyAndCert make_ca(const std::string& common_name) {
    KeyAndCert ca = detail::make_certificate(common_name, nullptr, 1);
    X509* x = ca.cert.get();
    detail::add_extension(x, x, NID_basic_constraints, "critical,CA:TRUE");
    detail::add_extension(x, x, NID_key_usage, "critical,keyCertSign,cRLSign");
    detail::add_extension(x, x, NID_subject_key_identifier, "hash");
    detail::sign(ca, ca);
    return ca;
}

// `alt_names` in openssl.cnf syntax: "IP:127.0.0.1,DNS:localhost".
inline KeyAndCert make_server_certificate(const KeyAndCert& ca, const std::string& common_name, const std::string& alt_names,
                                          long serial) {
    KeyAndCert server = detail::make_certificate(common_name, &ca, serial);
    X509* x = server.cert.get();
    X509* issuer = ca.cert.get();
    detail::add_extension(x, issuer, NID_basic_constraints, "critical,CA:FALSE");
    detail::add_extension(x, issuer, NID_key_usage, "critical,digitalSignature");
    detail::add_extension(x, issuer, NID_ext_key_usage, "serverAuth");
    detail::add_extension(x, issuer, NID_subject_alt_name, alt_names.c_str());
    detail::add_extension(x, issuer, NID_authority_key_identifier, "keyid:always");
    detail::sign(server, ca);
    return server;
}

inline void write_certificate(const std::filesystem::path& path, const KeyAndCert& kc) {
    detail::write_pem(path, [&](FILE* f) { return PEM_write_X509(f, kc.cert.get()); });
}

inline void write_private_key(const std::filesystem::path& path, const KeyAndCert& kc) {
    detail::write_pem(path, [&](FILE* f) { return PEM_write_PrivateKey(f, kc.key.get(), nullptr, nullptr, 0, nullptr, nullptr); });
}

}  // namespace zfxxgk::test
