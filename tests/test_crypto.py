import base64

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.test import override_settings
from gmssl import func, sm4
from gmssl import sm3 as gmssl_sm3

from dangjian.core import crypto

TWO_KEYS = "v2:second-secret,v1:first-secret"


def test_sm3_matches_the_standards_test_vector() -> None:
    # GB/T 32905-2016 Appendix A, example 1: "abc"
    assert crypto.sm3_hex(b"abc") == (
        "66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0"
    )


def test_openssl_and_gmssl_agree_on_sm3() -> None:
    data = "示范县财政局".encode() * 50
    assert gmssl_sm3.sm3_hash(func.bytes_to_list(data)) == crypto.sm3_hex(data)


def test_field_encryption_round_trips_and_gmssl_decrypts_it() -> None:
    stored = crypto.encrypt_field("11010519491231002X")
    assert "11010519491231002X" not in stored
    assert stored.startswith("sm4cbc1:v1:")
    assert crypto.decrypt_field(stored) == "11010519491231002X"
    blob = base64.b64decode(stored.rsplit(":", 1)[1])
    cipher = sm4.CryptSM4()
    cipher.set_key(crypto._derive(crypto.keyring().secret("v1"), "encrypt")[:16], sm4.SM4_DECRYPT)
    plain = cipher.crypt_cbc(blob[:16], blob[16:])
    assert bytes(plain).decode() == "11010519491231002X"


def test_each_encryption_uses_a_fresh_iv_but_lookup_hashes_are_stable() -> None:
    assert crypto.encrypt_field("x") != crypto.encrypt_field("x")
    assert crypto.lookup_hash("x") == crypto.lookup_hash("x")
    assert crypto.lookup_hash("x") != crypto.lookup_hash("y")


# Key rotation: a keyring from the environment, ciphertext naming its key version.


def test_the_single_key_is_version_v1_and_reads_values_written_before_versions() -> None:
    ring = crypto.keyring()
    assert ring.versions == ["v1"]
    legacy = "sm4cbc1:" + crypto.encrypt_field("13800138000").rsplit(":", 1)[1]
    assert crypto.key_version(legacy) == "v1"
    assert crypto.decrypt_field(legacy) == "13800138000"


def test_a_keyring_encrypts_under_the_first_key_and_reads_every_key() -> None:
    with override_settings(DANGJIAN_FIELD_KEYS="v1:first-secret"):
        old = crypto.encrypt_field("11010519491231002X")
        old_hash = crypto.lookup_hash("11010519491231002X")
    with override_settings(DANGJIAN_FIELD_KEYS=TWO_KEYS):
        new = crypto.encrypt_field("11010519491231002X")
        assert crypto.key_version(old) == "v1" and crypto.key_version(new) == "v2"
        assert crypto.decrypt_field(old) == crypto.decrypt_field(new) == "11010519491231002X"
        assert crypto.lookup_hashes("11010519491231002X") == [
            crypto.lookup_hash("11010519491231002X", version="v2"), old_hash,
        ]


def test_the_old_single_key_and_the_same_secret_as_v1_are_the_same_key() -> None:
    with override_settings(DANGJIAN_FIELD_KEY="first-secret"):
        legacy = crypto.encrypt_field("x")
        legacy_hash = crypto.lookup_hash("x")
    with override_settings(DANGJIAN_FIELD_KEYS=TWO_KEYS):
        assert crypto.decrypt_field(legacy) == "x"
        assert legacy_hash in crypto.lookup_hashes("x")


def test_a_value_under_a_removed_key_is_refused_clearly() -> None:
    with override_settings(DANGJIAN_FIELD_KEYS="v3:third-secret"):
        stored = crypto.encrypt_field("x")
    with (override_settings(DANGJIAN_FIELD_KEYS=TWO_KEYS),
          pytest.raises(crypto.UnknownKeyVersion, match=r"v3.*保留旧密钥")):
        crypto.decrypt_field(stored)


@pytest.mark.parametrize("spec", ["v2", "v2:", "2:secret", "v1:a,v1:b", " , "])
def test_a_malformed_keyring_is_refused(spec: str) -> None:
    with override_settings(DANGJIAN_FIELD_KEYS=spec), pytest.raises(ImproperlyConfigured):
        crypto.keyring()


def test_secrets_may_contain_colons_and_the_keyring_may_span_lines() -> None:
    ring = crypto.parse_keyring("v2:a:b:c\nv1:d")
    assert ring.current == "v2" and ring.secret("v2") == "a:b:c" and ring.secret("v1") == "d"


def test_hmac_sm3_matches_rfc2104_over_sm3() -> None:
    # HMAC by hand (RFC 2104) with gmssl's SM3, against OpenSSL's HMAC-SM3.
    key, message = b"archive-key", "审计归档".encode()
    block = key.ljust(64, b"\0")
    inner = bytes.fromhex(crypto.sm3_hex(bytes(b ^ 0x36 for b in block) + message))
    outer = crypto.sm3_hex(bytes(b ^ 0x5C for b in block) + inner)
    assert crypto.hmac_sm3_hex(key, message) == outer
