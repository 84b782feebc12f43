#include "DamageParams.h"

#include "ridgeworks/common/Error.h"

namespace rw::cli {

DamageParameters parseDamageParams(const std::vector<std::string>& params)
{
    DamageParameters custom;
    for (const std::string& p : params) {
        const auto eq = p.find('=');
        double value = 0.0;
        bool ok = eq != std::string::npos && eq > 0;
        if (ok) {
            try {
                std::size_t used = 0;
                value = std::stod(p.substr(eq + 1), &used);
                ok = used == p.size() - eq - 1;
            } catch (const std::exception&) {
                ok = false;
            }
        }
        if (!ok)
            throw Error(ErrorKind::InvalidArgument,
                        "--param must be NAME=NUMBER, e.g. areaFraction=0.3, not '" + p + "'");
        custom.set(p.substr(0, eq), value);
    }
    return custom;
}

}  // namespace rw::cli
