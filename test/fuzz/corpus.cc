// Writes the seed corpus of the fuzz targets: one valid message of every S1AP and S10 type (with
// and without the security IEs) as a file each, into <dir>/s1ap and <dir>/s10.
#include "epc-s10-message.h"
#include "epc-s1ap-pdu.h"

#include <cstdint>
#include <fstream>
#include <iostream>
#include <string>
#include <sys/stat.h>
#include <vector>

namespace
{

void
Write(const std::string& path, const std::vector<uint8_t>& bytes)
{
    std::ofstream out(path, std::ios::binary);
    out.write(reinterpret_cast<const char*>(bytes.data()), bytes.size());
}

} // namespace

int
main(int argc, char** argv)
{
    if (argc != 2)
    {
        std::cerr << "usage: lte-sec-fuzz-corpus <dir>\n";
        return 2;
    }
    std::string dir = argv[1];
    ::mkdir(dir.c_str(), 0755);
    ::mkdir((dir + "/s1ap").c_str(), 0755);
    ::mkdir((dir + "/s10").c_str(), 0755);
    for (int t = 0; t <= ns3::EpcS1apMessage::UE_CONTEXT_RELEASE_COMPLETE; ++t)
    {
        for (bool security : {false, true})
        {
            ns3::EpcS1apMessage m;
            m.type = static_cast<ns3::EpcS1apMessage::Type>(t);
            m.mmeUeS1apId = 1;
            m.enbUeS1apId = 2;
            m.cellId = 1;
            m.targetCellId = 2;
            m.mTmsi = 1;
            m.rrcContainer = {0x01, 0x02, 0x03, 0x04};
            ns3::EpcS1apMessage::Erab e;
            e.erabId = 1;
            e.transportLayerAddress = 0x0a000001;
            e.teid = 7;
            m.erabs.push_back(e);
            if (security)
            {
                m.ueSecurityCapabilities.assign({0x1c, 0x00, 0x0e, 0x00, 0x00});
                m.securityKey.assign(32, 0xab);
                m.securityContext.assign(33, 0x10);
                m.nasSecurityParameters.assign({1, 2, 3, 4, 0x22, 3, 9});
            }
            Write(dir + "/s1ap/" + std::to_string(t) + (security ? "-sec" : ""), m.Encode());
        }
    }
    for (int t = ns3::EpcS10Message::FORWARD_RELOCATION_REQUEST;
         t <= ns3::EpcS10Message::FORWARD_RELOCATION_COMPLETE_ACKNOWLEDGE;
         ++t)
    {
        ns3::EpcS10Message m;
        m.type = static_cast<ns3::EpcS10Message::Type>(t);
        m.imsi = 1;
        m.teid = 1;
        m.targetCellId = 2;
        ns3::EpcS1apMessage container;
        container.rrcContainer = {0x01, 0x02};
        container.cellId = 1;
        container.targetCellId = 2;
        m.container = container.EncodeSourceToTargetContainer();
        ns3::EpcS10Message::Bearer b;
        b.ebi = 1;
        m.bearers.push_back(b);
        Write(dir + "/s10/" + std::to_string(t), m.Encode());
    }
    return 0;
}
