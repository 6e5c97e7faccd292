import base64

from cryptography.hazmat.primitives import hashes
from gmssl import sm4

from dangjian import crypto


def test_sm3_matches_the_standards_test_vector() -> None:
    # GB/T 32905-2016 Appendix A, example 1: "abc"
    assert crypto.sm3_hex(b"abc") == (
        "66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0"
    )


def test_openssl_and_gmssl_agree_on_sm3() -> None:
    data = "示范县财政局".encode() * 50
    digest = hashes.Hash(hashes.SM3())
    digest.update(data)
    assert digest.finalize().hex() == crypto.sm3_hex(data)


def test_field_encryption_round_trips_and_gmssl_decrypts_it() -> None:
    stored = crypto.encrypt_field("11010519491231002X")
    assert "11010519491231002X" not in stored
    assert crypto.decrypt_field(stored) == "11010519491231002X"
    blob = base64.b64decode(stored.split(":", 1)[1])
    cipher = sm4.CryptSM4()
    cipher.set_key(crypto._derive(crypto._secret(), "encrypt")[:16], sm4.SM4_DECRYPT)
    plain = cipher.crypt_cbc(blob[:16], blob[16:])
    assert bytes(plain).decode() == "11010519491231002X"


def test_each_encryption_uses_a_fresh_iv_but_lookup_hashes_are_stable() -> None:
    assert crypto.encrypt_field("x") != crypto.encrypt_field("x")
    assert crypto.lookup_hash("x") == crypto.lookup_hash("x")
    assert crypto.lookup_hash("x") != crypto.lookup_hash("y")
