import pytest

import geo


@pytest.mark.parametrize("name", geo.__all__)
def test_every_public_name_exists(name):
    assert hasattr(geo, name)
