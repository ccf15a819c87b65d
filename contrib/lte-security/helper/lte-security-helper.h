/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef LTE_SECURITY_HELPER_H
#define LTE_SECURITY_HELPER_H

#include "ns3/lte-sec-enb-rrc.h"
#include "ns3/lte-sec-mme-nas.h"
#include "ns3/lte-sec-mme.h"
#include "ns3/lte-sec-scheme.h"
#include "ns3/lte-sec-ue-nas.h"
#include "ns3/lte-sec-ue-rrc.h"
#include "ns3/net-device-container.h"
#include "ns3/object-factory.h"
#include "ns3/object.h"

#include <set>

namespace ns3
{

class EpcMmeApplication;

/**
 * \ingroup lte-security
 *
 * Adds AS security to LTE devices made by LteHelper:
 *
 * \code
 *   Ptr<LteSecurityHelper> security = CreateObject<LteSecurityHelper>();
 *   security->Install(enbDevs, ueDevs); // before the UEs attach
 * \endcode
 *
 * It creates one MME model (LteSecMme) per MME of the EPC, plugs an LteSecEnbRrc into each eNB's
 * RRC and an LteSecUeRrc into each UE's RRC, and aggregates them to the devices, so that their
 * attributes and trace sources are reachable by path, e.g.
 * "/NodeList/ * /DeviceList/ * /$ns3::LteEnbNetDevice/$ns3::LteSecEnbRrc/KeyDerivation".
 */
class LteSecurityHelper : public Object
{
  public:
    /// \return the TypeId
    static TypeId GetTypeId();

    LteSecurityHelper();
    ~LteSecurityHelper() override;

    /// Set an attribute of every LteSecEnbRrc made from now on.
    void SetEnbAttribute(const std::string& name, const AttributeValue& value);
    /// Set an attribute of every LteSecUeRrc made from now on.
    void SetUeAttribute(const std::string& name, const AttributeValue& value);

    /**
     * Install security on eNBs and UEs (LteEnbNetDevice, LteUeNetDevice). Call it after the
     * devices exist and before any UE connects.
     */
    void Install(const NetDeviceContainer& enbDevices, const NetDeviceContainer& ueDevices);

    /// Install on eNBs only.
    void InstallEnb(const NetDeviceContainer& enbDevices);
    /// Install on UEs only.
    void InstallUe(const NetDeviceContainer& ueDevices);

    /**
     * \param index an MME, in the order of their nodes (0: the EPC helper's first MME)
     * \return the security model of that MME
     */
    Ptr<LteSecMme> GetMme(uint32_t index = 0) const;
    /// \return the key-handling scheme of the scenario (attribute Scheme)
    Ptr<LteSecScheme> GetScheme() const;

    /// \return the number of MME security models (one per MME of the EPC, once eNBs are installed)
    uint32_t GetNMmes() const;

    /**
     * \param index an MME, as for GetMme()
     * \return the NAS security model of that MME (attribute NasMessages), or nullptr
     */
    Ptr<LteSecMmeNas> GetMmeNas(uint32_t index = 0) const;

    /**
     * Fix the random streams of the security models of these eNBs (the refresh nonces).
     * \param enbDevices eNB devices with security installed
     * \param stream the first stream index
     * \return the number of streams used
     */
    int64_t AssignStreams(const NetDeviceContainer& enbDevices, int64_t stream);

  protected:
    void DoDispose() override;

  private:
    Ptr<LteSecKeyLog> GetKeyLog();
    void SetScheme(std::string name);
    std::string GetSchemeName() const;
    /// Lets the security model fill the S1AP security IEs of every MME of the simulation.
    void AttachMmes();

    ObjectFactory m_enbFactory;
    ObjectFactory m_ueFactory;
    Ptr<LteSecMme> m_mme;
    std::string m_keyLogFile;
    Ptr<LteSecKeyLog> m_keyLog;
    std::set<EpcMmeApplication*> m_attachedMmes; ///< MMEs with a security model
    std::vector<Ptr<LteSecMme>> m_mmes;          ///< the models of the MMEs after the first
    Ptr<LteSecScheme> m_scheme;                  ///< shared by every model
    bool m_nasMessages{false};                   ///< attribute NasMessages
    int m_nasAlgorithmChange{0};                 ///< attribute NasAlgorithmChange
    int m_reestablishmentKeys{1};                ///< attribute ReestablishmentKeys
    std::vector<Ptr<LteSecMmeNas>> m_mmeNas;     ///< NAS models of the MMEs, in MME order
    bool m_installed{false};                     ///< Install*() was called
};

} // namespace ns3

#endif /* LTE_SECURITY_HELPER_H */
