"""The national ID module: the check digit, Thai digits, dashes and spaces, masking and formatting; the
model field and the API field."""

import pytest
from django.core.exceptions import ValidationError
from rest_framework import serializers

from cdd_portal.personal import national_id
from cdd_portal.personal.fields import NationalIdField
from cdd_portal.personal.serializers import NationalIdSerializerField
from cdd_portal.thai.formatting import to_thai_digits
from tests.personal.conftest import VALID, valid


def test_the_check_digit():
    assert VALID == "1101700230708"
    assert national_id.check_digit("110170023070") == 8
    # (11 - sum mod 11) mod 10: a remainder of 0 or 1 gives 1 or 0
    for first12 in ("123456789012", "310050012345", "500000000000", "999999999999"):
        number = valid(first12)
        assert national_id.is_valid(number)
        wrong = number[:12] + str((int(number[12]) + 1) % 10)
        assert not national_id.is_valid(wrong)


def test_thai_digits_dashes_and_spaces_are_read():
    thai = to_thai_digits("1-1017-00230-70-8")
    assert thai == "๑-๑๐๑๗-๐๐๒๓๐-๗๐-๘"
    assert national_id.normalise(thai) == VALID
    assert national_id.normalise(" 1 1017 00230 70 8 ") == VALID
    assert national_id.normalise("1–1017–00230–70–8") == VALID  # an en dash, as word processors type it
    assert national_id.is_valid(thai)
    national_id.validate(thai)
    national_id.validate("")  # blank is allowed (the field says whether it is required)


def test_wrong_numbers_say_what_is_wrong_in_thai():
    with pytest.raises(ValidationError) as err:
        national_id.validate("110170023070")
    assert err.value.code == "national_id_length" and "๑๓ หลัก" in err.value.messages[0]
    assert "กรอกแล้ว ๑๒ หลัก" in err.value.messages[0]
    with pytest.raises(ValidationError) as err:
        national_id.validate("1101700230709")
    assert err.value.code == "national_id_check_digit" and "เลขตรวจสอบ" in err.value.messages[0]
    with pytest.raises(ValidationError) as err:
        national_id.validate("11017002307O8")  # a letter O: not "13 digits, you typed 13"
    assert err.value.code == "national_id_digits" and "«O»" in err.value.messages[0]
    assert not national_id.is_valid(None) and not national_id.is_valid("")


def test_masked_and_formatted():
    assert national_id.formatted(VALID) == "1-1017-00230-70-8"
    assert national_id.formatted("๑๑๐๑๗๐๐๒๓๐๗๐๘") == "1-1017-00230-70-8"
    assert national_id.masked(VALID) == "1-xxxx-xxxxx-70-8"
    assert national_id.masked("1-1017-00230-70-8") == "1-xxxx-xxxxx-70-8"
    assert national_id.masked("") == "" and national_id.masked(None) == ""
    assert national_id.masked("12345") == "xxxxx"  # never a partial number in the clear
    assert "1017" not in national_id.masked(VALID) and "00230" not in national_id.masked(VALID)


def test_the_model_field_normalises_and_checks():
    field = NationalIdField()
    assert field.max_length == 13 and field.blank
    assert field.clean("๑-๑๐๑๗-๐๐๒๓๐-๗๐-๘", None) == VALID
    with pytest.raises(ValidationError) as err:
        field.clean("1-1017-00230-70-9", None)
    assert "เลขตรวจสอบ" in err.value.messages[0]
    name, path, args, kwargs = field.deconstruct()
    assert path == "cdd_portal.personal.fields.NationalIdField" and "max_length" not in kwargs


def test_the_serializer_field_writes_whole_and_reads_masked():
    field = NationalIdSerializerField()
    assert field.to_internal_value("๑-๑๐๑๗-๐๐๒๓๐-๗๐-๘") == VALID
    assert field.to_internal_value("") == ""
    with pytest.raises(serializers.ValidationError) as err:
        field.to_internal_value("1101700230709")
    assert "เลขตรวจสอบ" in str(err.value.detail[0])
    with pytest.raises(serializers.ValidationError) as err:
        field.to_internal_value("123")
    assert "๑๓ หลัก" in str(err.value.detail[0])
    assert field.to_representation(VALID) == "1-xxxx-xxxxx-70-8"


def test_the_serializer_field_in_a_serializer():
    class Person(serializers.Serializer):
        national_id = NationalIdSerializerField()

    s = Person(data={"national_id": "1 1017 00230 70 8"})
    assert s.is_valid(), s.errors
    assert s.validated_data["national_id"] == VALID
    assert Person({"national_id": VALID}).data == {"national_id": "1-xxxx-xxxxx-70-8"}
    bad = Person(data={"national_id": "1101700230700"})
    assert not bad.is_valid() and "national_id" in bad.errors
