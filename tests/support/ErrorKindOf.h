#pragma once
// What rw::Error a call throws, if any: lets tests compare error kinds with QCOMPARE.
#include "ridgeworks/common/Error.h"

#include <functional>
#include <optional>

namespace rw::test {

inline std::optional<rw::ErrorKind> errorKindOf(const std::function<void()>& call)
{
    try {
        call();
    } catch (const rw::Error& e) {
        return e.kind();
    }
    return std::nullopt;
}

}  // namespace rw::test
