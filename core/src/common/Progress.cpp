#include "ridgeworks/common/Progress.h"

#include "ridgeworks/common/Error.h"

namespace rw {

void CancelToken::throwIfCancelled() const
{
    if (isCancelled())
        throw Error(ErrorKind::Cancelled, "cancelled by the user");
}

}  // namespace rw
